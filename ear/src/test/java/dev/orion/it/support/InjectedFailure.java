package dev.orion.it.support;

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

    @Override
    public void close() {
        TestData.execute("DROP TRIGGER " + name + " ON " + table);
        TestData.execute("DROP FUNCTION " + name + "()");
    }
}
