package dev.sluice.engine.destination.duckdb;

import dev.sluice.engine.destination.Sql;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.sdk.SyncException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the tables of one schema of a DuckDB file: columns, types and primary keys. Not thread-safe. */
final class DuckDbCatalog {

    private final DuckDbDatabase database;
    private final String schema;

    DuckDbCatalog(DuckDbDatabase database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    /**
     * @param deferredKeys tables whose primary key is still to be added, with their key columns
     * @return the schema's tables with their data columns, types and keys
     */
    Map<String, TableModel> loadTables(Map<String, List<String>> deferredKeys) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        database.query(
                "SELECT table_name, constraint_column_names FROM duckdb_constraints() WHERE schema_name = "
                        + Sql.literal(schema) + " AND constraint_type = 'PRIMARY KEY'",
                rs -> keys.put(rs.getString(1), DuckDbBookkeeping.names((Object[])
                        rs.getArray(2).getArray())));
        deferredKeys.forEach(keys::putIfAbsent);
        Map<String, TableModel> tables = new LinkedHashMap<>();
        database.query(
                "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() WHERE schema_name = "
                        + Sql.literal(schema) + " ORDER BY table_name, column_index",
                rs -> {
                    String table = rs.getString(1);
                    String column = rs.getString(2);
                    TableModel model = tables.computeIfAbsent(table, t -> {
                        List<String> key = keys.getOrDefault(t, List.of());
                        TableModel loaded =
                                new TableModel(t, key.equals(List.of(TableModel.FIVETRAN_ID)) ? List.of() : key, true);
                        if (deferredKeys.containsKey(t)) {
                            loaded.markKeyPending();
                        }
                        return loaded;
                    });
                    if (!TableModel.isSystemColumn(column) && model.column(column) == null) {
                        model.addColumn(column, DuckDbTypes.typeOf(rs.getString(3), rs.getString(4)), false);
                    }
                });
        return tables;
    }

    /**
     * @param table a table of the schema
     * @return its column names in physical order
     */
    List<String> columnNames(String table) {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = database.connection()
                .prepareStatement("SELECT column_name FROM duckdb_columns()"
                        + " WHERE schema_name = ? AND table_name = ? ORDER BY column_index")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new SyncException("Cannot read the columns of table '" + table + "': " + e.getMessage(), e);
        }
        return names;
    }
}
