package dev.sluice.engine.crash;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.PostgresRows;
import dev.sluice.engine.TestDestination;
import dev.sluice.engine.warehouse.WarehouseReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Everything a sync leaves in a warehouse that must not depend on when or how often it died: every
 * table of schema {@code tester} with its columns and types (in table order; PostgreSQL's named as
 * DuckDB's) and its rows (all
 * columns but {@code _fivetran_synced}, sorted), plus the state kept in {@code _sluice.checkpoint_state}.
 *
 * @param tables per table: columns with types, and rows as text
 * @param storedState the state of the last committed checkpoint, or null
 * @param storedPrevious the checkpoint before's state, or null
 */
record WarehouseSnapshot(Map<String, TableData> tables, String storedState, String storedPrevious) {

    /**
     * @param columns {@code name TYPE} in table order
     * @param rows each row as {@code column=value, ...}, sorted; empty in a quick snapshot
     * @param count the number of rows
     * @param hash an MD5 of the rows computed by DuckDB (all columns but {@code _fivetran_synced})
     */
    record TableData(List<String> columns, List<String> rows, long count, String hash) {}

    /** An empty warehouse (no tables, no state). */
    static final WarehouseSnapshot EMPTY = new WarehouseSnapshot(Map.of(), null, null);

    /**
     * @param project a project whose {@link TestDestination} no sync holds
     * @return its warehouse's snapshot with every row ({@link #EMPTY} when there is no DuckDB file yet)
     */
    static WarehouseSnapshot take(Path project) {
        return take(project, true);
    }

    /**
     * @param project a project whose {@link TestDestination} no sync holds
     * @param withRows whether to read every row, or only counts and hashes (enough for {@link #digest()})
     * @return its warehouse's snapshot ({@link #EMPTY} when there is no DuckDB file yet)
     */
    static WarehouseSnapshot take(Path project, boolean withRows) {
        if (!TestDestination.exists(project)) {
            return EMPTY;
        }
        DestinationConfig destination = TestDestination.forProject(project);
        boolean postgres = destination instanceof DestinationConfig.Postgres;
        try (WarehouseReader reader = WarehouseReader.open(destination)) {
            Map<String, TableData> tables = new LinkedHashMap<>();
            for (String table : reader.tables()) {
                List<String> columns = new ArrayList<>();
                List<String> quotedColumns = new ArrayList<>();
                String columnsSql = postgres
                        ? PostgresRows.columnTypesSql(table)
                        : "SELECT column_name, data_type FROM information_schema.columns"
                                + " WHERE table_schema = 'tester' AND table_name = '" + table.replace("'", "''")
                                + "' ORDER BY ordinal_position";
                for (Map<String, Object> column : reader.query(columnsSql).rows()) {
                    if (!"_fivetran_synced".equals(column.get("column_name"))) {
                        String type = (String) column.get("data_type");
                        columns.add(
                                column.get("column_name") + " " + (postgres ? PostgresRows.duckDbName(type) : type));
                        quotedColumns.add(WarehouseReader.quote((String) column.get("column_name")));
                    }
                }
                String quoted = "tester.\"" + table.replace("\"", "\"\"") + "\"";
                // a row as text: DuckDB casts a row to VARCHAR, PostgreSQL a ROW(...) to text
                String rowText =
                        postgres ? "CAST(ROW(" + String.join(", ", quotedColumns) + ") AS text)" : "CAST(t AS VARCHAR)";
                Map<String, Object> summary = reader.query("SELECT count(*) AS n, coalesce(md5(string_agg(r, chr(10)"
                                + " ORDER BY r)), '') AS h FROM (SELECT " + rowText + " AS r FROM (SELECT "
                                + String.join(", ", quotedColumns) + " FROM " + quoted + ") t) s")
                        .rows()
                        .get(0);
                List<String> rows = new ArrayList<>();
                for (Map<String, Object> row : withRows ? reader.rows(table) : List.<Map<String, Object>>of()) {
                    StringJoiner text = new StringJoiner(", ");
                    row.forEach((name, value) -> {
                        if (!name.equals("_fivetran_synced")) {
                            text.add(name + "=" + render(value));
                        }
                    });
                    rows.add(text.toString());
                }
                Collections.sort(rows);
                tables.put(table, new TableData(columns, rows, ((Number) summary.get("n")).longValue(), (String)
                        summary.get("h")));
            }
            String state = null;
            String previous = null;
            boolean hasStateTable = !reader.query(
                            "SELECT 1 FROM information_schema.tables WHERE table_schema = '_sluice'"
                                    + " AND table_name = 'checkpoint_state'")
                    .rows()
                    .isEmpty();
            if (hasStateTable) {
                List<Map<String, Object>> stored = reader.query("SELECT state, previous_state FROM"
                                + " _sluice.checkpoint_state WHERE schema_name = 'tester'")
                        .rows();
                if (!stored.isEmpty()) {
                    state = text(stored.get(0).get("state"));
                    previous = text(stored.get(0).get("previous_state"));
                }
            }
            return new WarehouseSnapshot(tables, state, previous);
        }
    }

    /** @return a stored state as text (PostgreSQL returns its jsonb as an object) */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String render(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return String.valueOf(value);
    }

    /** @return a digest of the tables (not of the stored state) */
    Digest digest() {
        Map<String, String> perTable = new LinkedHashMap<>();
        tables.forEach((name, data) -> perTable.put(
                name,
                data.count() + " rows, md5 " + data.hash().substring(0, 12) + ", columns " + sha256(data.columns())));
        return new Digest(perTable);
    }

    /**
     * The tables in brief: per table its row count and a hash of its columns and rows.
     *
     * @param tables per table
     */
    record Digest(Map<String, String> tables) {}

    private static String sha256(List<String> columns) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String column : columns) {
                digest.update(column.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 1);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param expected the snapshot this one should equal
     * @return null when the tables are equal, else what differs first: table, columns or the
     *     first differing row with a few rows only on either side
     */
    String tablesDiff(WarehouseSnapshot expected) {
        if (!expected.tables().keySet().equals(tables.keySet())) {
            return "tables differ: expected " + expected.tables().keySet() + " but found " + tables.keySet();
        }
        for (String table : expected.tables().keySet()) {
            TableData want = expected.tables().get(table);
            TableData got = tables.get(table);
            if (!want.columns().equals(got.columns())) {
                return "table " + table + ": columns differ:\n  expected " + want.columns() + "\n  found    "
                        + got.columns();
            }
            if (!want.rows().equals(got.rows())) {
                StringBuilder message = new StringBuilder("table " + table + ": rows differ (expected "
                        + want.rows().size() + " rows, found " + got.rows().size() + ")");
                int n = Math.min(want.rows().size(), got.rows().size());
                for (int i = 0; i < n; i++) {
                    if (!want.rows().get(i).equals(got.rows().get(i))) {
                        message.append("\n  first differing row #")
                                .append(i)
                                .append(":\n    expected ")
                                .append(want.rows().get(i))
                                .append("\n    found    ")
                                .append(got.rows().get(i));
                        break;
                    }
                }
                Set<String> missing = new LinkedHashSet<>(want.rows());
                got.rows().forEach(missing::remove);
                Set<String> extra = new LinkedHashSet<>(got.rows());
                want.rows().forEach(extra::remove);
                message.append("\n  ")
                        .append(missing.size())
                        .append(" rows missing, e.g. ")
                        .append(missing.stream().limit(3).toList());
                message.append("\n  ")
                        .append(extra.size())
                        .append(" rows unexpected, e.g. ")
                        .append(extra.stream().limit(3).toList());
                return message.toString();
            }
        }
        return null;
    }
}
