package dev.orion.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a database and a storage directory hold, reduced to comparable values: per table its row count and a
 * checksum over every row, per sequence its position, per file its SHA-256. Two equal fingerprints mean the same
 * rows and the same files, which is what a restore must give back.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** "count:md5 of all rows" per table and "last_value/is_called" per sequence, in Orion's and the server's schemas. */
    public static Map<String, String> database(Connection connection) throws SQLException {
        Map<String, String> prints = new TreeMap<>();
        for (String table : names(connection, "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                + " WHERE table_schema IN ('orion', 'public') AND table_type = 'BASE TABLE'")) {
            prints.put(table, single(connection, "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '')"
                    + " FROM " + table + " t"));
        }
        for (String sequence : names(connection, "SELECT sequence_schema || '.' || sequence_name FROM information_schema.sequences"
                + " WHERE sequence_schema IN ('orion', 'public')")) {
            prints.put(sequence, single(connection, "SELECT last_value || '/' || is_called FROM " + sequence));
        }
        return prints;
    }

    /** SHA-256 of every file under {@code root}, by its path relative to it. */
    public static Map<String, String> files(Path root) throws IOException {
        Map<String, String> prints = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                prints.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return prints;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Connection connection, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

}
