package dev.sluice.testkit;

import dev.sluice.engine.DestinationConfig;
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
     * @param destination a DuckDB file or a PostgreSQL database, and the schema to read
     * @return a view of it
     * @throws IllegalStateException when a DuckDB file does not exist yet
     */
    static WarehouseView open(DestinationConfig destination) {
        if (destination instanceof DestinationConfig.DuckDb file && !Files.isRegularFile(file.file())) {
            throw new IllegalStateException("No warehouse at " + file.file() + ": run a sync first");
        }
        return new WarehouseView(WarehouseReader.open(destination));
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
        return reader.columnTypes(table);
    }

    /**
     * @param table a destination table
     * @return its primary-key columns ({@code _fivetran_id} for a keyless table); empty if none
     */
    List<String> primaryKey(String table) {
        return reader.primaryKey(table);
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
        return query("SELECT * FROM " + WarehouseReader.quote(reader.schema()) + "." + WarehouseReader.quote(table)
                + " ORDER BY " + order);
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
