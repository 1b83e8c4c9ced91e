package dev.orion.it.support;

import java.net.http.HttpResponse;

/**
 * A real failure inside a running job: while open, inserting a row that matches {@code condition} into
 * {@code table} raises an error in PostgreSQL, so the transaction that tries it rolls back.
 */
public final class InjectedFailure implements AutoCloseable {

    private final String name;
    private final String table;

    /** {@code condition} is a SQL expression over {@code NEW}, such as {@code NEW.sku = 'SKU-700'}; {@code name} must be unique. */
    public InjectedFailure(String name, String table, String condition) {
        this.name = name;
        this.table = table;
        TestData.execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF " + condition + " THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$");
        TestData.execute("CREATE TRIGGER " + name + " BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION " + name + "()");
    }

    /**
     * A product {@code PUT} of the vendor that the database refuses (an unexpected error, answered 500), sent with
     * {@code X-Request-Id: requestId}; {@code label} keeps the trigger's name unique per test.
     */
    public static HttpResponse<String> refusedProductPut(ApiSession vendor, String label, String requestId) {
        String sku = label.toUpperCase(java.util.Locale.ROOT) + "-" + vendor.vendorId;
        try (var failure = new InjectedFailure(label + "_boom_" + vendor.vendorId, "products", "NEW.sku = '" + sku + "'")) {
            return vendor.send("PUT", "/products/" + sku, "application/json",
                    "{\"title\":\"Doomed Lamp\",\"price\":\"9.90\",\"currency\":\"EUR\",\"stock\":1,\"availability\":\"in_stock\","
                            + "\"brand\":\"Alder\",\"description\":\"Never stored\"}", "X-Request-Id", requestId);
        }
    }

    @Override
    public void close() {
        TestData.execute("DROP TRIGGER " + name + " ON " + table);
        TestData.execute("DROP FUNCTION " + name + "()");
    }
}
