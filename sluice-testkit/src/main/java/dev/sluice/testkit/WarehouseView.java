package dev.sluice.testkit;

import dev.sluice.engine.ProjectLayout;
import dev.sluice.engine.naming.SystemColumns;
import dev.sluice.engine.warehouse.WarehouseReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only look at one project's warehouse, in the terms the test kit hands out: rows ordered
 * by primary key, values as plain Java values. Opened for one question and closed at once, so a
 * sync can open the file in between. Not thread-safe.
 */
final class WarehouseView implements AutoCloseable {

    static final String SYNCED = SystemColumns.SYNCED;
    static final String DELETED = SystemColumns.DELETED;

    private final WarehouseReader reader;

    private WarehouseView(WarehouseReader reader) {
        this.reader = reader;
    }

    /**
     * @param projectDir a project folder
     * @return a view of its {@code files/warehouse.db}
     * @throws IllegalStateException when the project has no warehouse yet
     */
    static WarehouseView open(Path projectDir) {
        Path file = warehouseFile(projectDir);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No warehouse at " + file + ": run a sync first");
        }
        return new WarehouseView(WarehouseReader.open(file));
    }

    static Path warehouseFile(Path projectDir) {
        return ProjectLayout.of(projectDir).warehouseFile();
    }

    /** @return the destination tables, sorted by name */
    List<String> tables() {
        return reader.tables();
    }

    /**
     * @param table a destination table
     * @return column name to SQL type, in table order
     */
    Map<String, String> columnTypes(String table) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> row : reader.query("SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_schema = " + WarehouseReader.literal(WarehouseReader.SCHEMA)
                        + " AND table_name = "
                        + WarehouseReader.literal(table) + " ORDER BY ordinal_position")
                .rows()) {
            types.put((String) row.get("column_name"), (String) row.get("data_type"));
        }
        return types;
    }

    /**
     * @param table a destination table
     * @return its primary-key columns ({@code _fivetran_id} for a keyless table); empty if none
     */
    List<String> primaryKey(String table) {
        List<String> key = new ArrayList<>();
        for (Map<String, Object> row : reader.query("SELECT constraint_column_names AS names FROM duckdb_constraints()"
                        + " WHERE schema_name = " + WarehouseReader.literal(WarehouseReader.SCHEMA)
                        + " AND table_name = "
                        + WarehouseReader.literal(table) + " AND constraint_type = 'PRIMARY KEY'")
                .rows()) {
            Object names = Values.plain(row.get("names"));
            if (names instanceof List<?> list) {
                list.forEach(name -> key.add(String.valueOf(name)));
            }
        }
        return key;
    }

    /**
     * @param table a destination table
     * @return the column order rows are sorted by: the primary key, then every other column in
     *     table order, {@code _fivetran_synced} last
     */
    List<String> sortColumns(String table) {
        List<String> order = new ArrayList<>(primaryKey(table));
        for (String column : columnTypes(table).keySet()) {
            if (!order.contains(column) && !column.equals(SYNCED)) {
                order.add(column);
            }
        }
        order.add(SYNCED);
        return order;
    }

    /**
     * @param table a destination table
     * @return every row, soft-deleted ones included, sorted by {@link #sortColumns}
     * @throws AssertionError naming the tables there are when the table does not exist
     */
    List<Map<String, Object>> rows(String table) {
        requireTable(table);
        StringBuilder order = new StringBuilder();
        for (String column : sortColumns(table)) {
            order.append(order.length() == 0 ? "" : ", ").append(WarehouseReader.quote(column));
        }
        return query("SELECT * FROM " + WarehouseReader.quote(WarehouseReader.SCHEMA) + "."
                + WarehouseReader.quote(table) + " ORDER BY " + order);
    }

    /**
     * @param sql any SQL
     * @return its rows, values made plain
     */
    List<Map<String, Object>> query(String sql) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> raw : reader.query(sql).rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            raw.forEach((column, value) -> row.put(column, Values.plain(value)));
            rows.add(row);
        }
        return rows;
    }

    void requireTable(String table) {
        List<String> tables = tables();
        if (!tables.contains(table)) {
            throw new AssertionError("No table '" + table + "' in the warehouse; it has " + tables
                    + " (tables are named as in the destination, e.g. order_items for orderItems)");
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
