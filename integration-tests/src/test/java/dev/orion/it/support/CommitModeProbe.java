package dev.orion.it.support;

import java.util.List;

/**
 * Sees how the server's transactions commit: while open, every row inserted or updated in {@code tables} that
 * matches {@code condition} is noted with the writing transaction's {@code synchronous_commit} (a trigger runs in
 * that transaction, so it sees a {@code SET LOCAL}), in write order.
 */
public final class CommitModeProbe implements AutoCloseable {

    private final String name;
    private final List<String> tables;

    /** {@code condition} is a SQL expression over {@code NEW}, such as {@code NEW.vendor_id = 7}; {@code name} must be unique. */
    public CommitModeProbe(String name, String condition, String... tables) {
        this.name = name;
        this.tables = List.of(tables);
        TestData.execute("CREATE TABLE " + name + " (id bigserial PRIMARY KEY, entry text NOT NULL)");
        TestData.execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF " + condition + " THEN INSERT INTO " + name + " (entry) VALUES (TG_TABLE_NAME || ' ' || TG_OP || ': '"
                + " || current_setting('synchronous_commit')); END IF; RETURN NULL; END $$");
        for (String table : tables) {
            TestData.execute("CREATE TRIGGER " + name + " AFTER INSERT OR UPDATE ON " + table + " FOR EACH ROW EXECUTE FUNCTION " + name + "()");
        }
    }

    /** What was noted so far, one entry a line: {@code products INSERT: off}. */
    public String entries() {
        return TestData.queryString("SELECT string_agg(entry, E'\\n' ORDER BY id) FROM " + name);
    }

    @Override
    public void close() {
        for (String table : tables) {
            TestData.execute("DROP TRIGGER " + name + " ON " + table);
        }
        TestData.execute("DROP FUNCTION " + name + "()");
        TestData.execute("DROP TABLE " + name);
    }
}
