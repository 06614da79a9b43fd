package dev.sluice.testkit;

import dev.sluice.engine.DestinationConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contents of every table of a warehouse without {@code _fivetran_synced}, the one column
 * that differs between two correct syncs of the same data: equal when a connector produced the
 * same tables twice.
 */
final class WarehouseContents {

    private final Map<String, TableContents> tables;

    private WarehouseContents(Map<String, TableContents> tables) {
        this.tables = tables;
    }

    /**
     * @param destination the DuckDB file or PostgreSQL schema to read
     * @return its tables
     */
    static WarehouseContents read(DestinationConfig destination) {
        Map<String, TableContents> tables = new TreeMap<>();
        try (WarehouseView view = WarehouseView.open(destination)) {
            for (String table : view.tables()) {
                tables.put(table, TableContents.read(view, table));
            }
        }
        return new WarehouseContents(tables);
    }

    /** @return row count per table, by table name */
    Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        tables.forEach((name, table) -> counts.put(name, table.rows.size()));
        return counts;
    }

    /**
     * @param actual the tables to compare with these
     * @return the first difference, or empty when the tables are the same
     */
    Optional<Difference> firstDifference(WarehouseContents actual) {
        for (String name : tables.keySet()) {
            if (!actual.tables.containsKey(name)) {
                return Optional.of(
                        new Difference("table '" + name + "' is missing", tables.keySet(), actual.tables.keySet()));
            }
        }
        for (String name : actual.tables.keySet()) {
            if (!tables.containsKey(name)) {
                return Optional.of(new Difference(
                        "table '" + name + "' should not exist", tables.keySet(), actual.tables.keySet()));
            }
        }
        for (Map.Entry<String, TableContents> table : tables.entrySet()) {
            Optional<Difference> difference = table.getValue().firstDifference(actual.tables.get(table.getKey()));
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    /**
     * How the contents of two warehouses differ.
     *
     * @param message what differs, naming the table
     * @param expected the expected value, for an IDE's diff view
     * @param actual the actual value
     */
    record Difference(String message, Object expected, Object actual) {}

    /** One table: its column types and its rows, without {@code _fivetran_synced}. */
    private static final class TableContents {
        private final String name;
        private final Map<String, String> types;
        private final List<String> sortColumns;
        private final List<Map<String, Object>> rows;

        private TableContents(
                String name, Map<String, String> types, List<String> sortColumns, List<Map<String, Object>> rows) {
            this.name = name;
            this.types = types;
            this.sortColumns = sortColumns;
            this.rows = rows;
        }

        static TableContents read(WarehouseView view, String table) {
            Map<String, String> types = view.columnTypes(table);
            types.remove(WarehouseView.SYNCED);
            List<String> sortColumns = view.sortColumns(table);
            sortColumns.remove(WarehouseView.SYNCED);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> row : view.rows(table)) {
                Map<String, Object> kept = new LinkedHashMap<>();
                for (String column : sortColumns) {
                    kept.put(column, Values.comparable(row.get(column)));
                }
                rows.add(kept);
            }
            return new TableContents(table, types, sortColumns, rows);
        }

        Optional<Difference> firstDifference(TableContents actual) {
            if (!types.equals(actual.types)) {
                return Optional.of(new Difference(
                        "table '" + name + "' has other columns or column types",
                        new TreeMap<>(types),
                        new TreeMap<>(actual.types)));
            }
            Comparator<Map<String, Object>> order = rowOrder();
            List<Map<String, Object>> expectedRows = sorted(rows, order);
            List<Map<String, Object>> actualRows = sorted(actual.rows, order);
            int common = Math.min(expectedRows.size(), actualRows.size());
            for (int i = 0; i < common; i++) {
                if (!expectedRows.get(i).equals(actualRows.get(i))) {
                    return Optional.of(rowDifference(i, expectedRows, actualRows));
                }
            }
            if (expectedRows.size() != actualRows.size()) {
                return Optional.of(rowDifference(common, expectedRows, actualRows));
            }
            return Optional.empty();
        }

        private Difference rowDifference(
                int index, List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
            Map<String, Object> expectedRow = index < expected.size() ? expected.get(index) : null;
            Map<String, Object> actualRow = index < actual.size() ? actual.get(index) : null;
            String message = "table '" + name + "' differs (" + expected.size() + " rows expected, " + actual.size()
                    + " found); first differing row (row " + (index + 1) + " ordered by " + sortColumns + ")"
                    + differingColumns(expectedRow, actualRow) + ":"
                    + "\n  expected: " + (expectedRow == null ? "no more rows" : Values.describe(expectedRow))
                    + "\n  but was:  " + (actualRow == null ? "no more rows" : Values.describe(actualRow));
            return new Difference(
                    message,
                    expectedRow == null ? null : Values.describe(expectedRow),
                    actualRow == null ? null : Values.describe(actualRow));
        }

        private static String differingColumns(Map<String, Object> expected, Map<String, Object> actual) {
            if (expected == null || actual == null) {
                return "";
            }
            List<String> columns = new ArrayList<>();
            expected.forEach((column, value) -> {
                if (!Values.same(value, actual.get(column))) {
                    columns.add(column);
                }
            });
            return " in " + (columns.size() == 1 ? "column " : "columns ") + String.join(", ", columns);
        }

        private Comparator<Map<String, Object>> rowOrder() {
            Comparator<Map<String, Object>> order = (a, b) -> 0;
            for (String column : sortColumns) {
                order = order.thenComparing(row -> row.get(column), Values.ORDER);
            }
            return order;
        }

        private static List<Map<String, Object>> sorted(
                List<Map<String, Object>> rows, Comparator<Map<String, Object>> order) {
            List<Map<String, Object>> copy = new ArrayList<>(rows);
            copy.sort(order);
            return copy;
        }
    }
}
