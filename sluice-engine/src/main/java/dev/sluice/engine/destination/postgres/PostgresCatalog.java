package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.schema.TableModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tables of one PostgreSQL schema: columns, types and primary keys, under the names the
 * engine knows them by (see {@link SluiceComment}). A table without Sluice's system columns was not
 * created by Sluice; it is left out of the tables and remembered, so that a sync that would create a
 * table of that name fails with a clear message. Not thread-safe.
 */
final class PostgresCatalog {

    private static final String COLUMNS = "SELECT c.relname, obj_description(c.oid, 'pg_class'), a.attname,"
            + " format_type(a.atttypid, a.atttypmod), col_description(c.oid, a.attnum)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') ORDER BY c.relname, a.attnum";
    private static final String PRIMARY_KEYS = "SELECT c.relname, a.attname, col_description(c.oid, a.attnum)"
            + " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
            + " WHERE n.nspname = ? AND i.indisprimary ORDER BY c.relname, k.ord";

    private final PostgresDatabase database;
    private final String schema;
    private final Set<String> foreignTables = new HashSet<>();

    PostgresCatalog(PostgresDatabase database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    /**
     * @param deferredKeys tables whose primary key is still to be added, with their key columns
     * @return the schema's tables Sluice created, by the engine's names, with data columns, types and keys
     */
    Map<String, TableModel> loadTables(Map<String, List<String>> deferredKeys) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        database.query(
                PRIMARY_KEYS,
                rs -> keys.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                        .add(SluiceComment.parse(rs.getString(3)).nameOr(rs.getString(2))),
                PostgresNames.physical(schema));
        Map<String, List<Column>> columnsByTable = new LinkedHashMap<>();
        Map<String, String> tableNames = new LinkedHashMap<>();
        database.query(
                COLUMNS,
                rs -> {
                    String physical = rs.getString(1);
                    tableNames.putIfAbsent(
                            physical, SluiceComment.parse(rs.getString(2)).nameOr(physical));
                    SluiceComment comment = SluiceComment.parse(rs.getString(5));
                    columnsByTable
                            .computeIfAbsent(physical, t -> new ArrayList<>())
                            .add(new Column(comment.nameOr(rs.getString(3)), rs.getString(4), comment));
                },
                PostgresNames.physical(schema));
        Map<String, TableModel> tables = new LinkedHashMap<>();
        columnsByTable.forEach((physical, columns) -> {
            String name = tableNames.get(physical);
            if (columns.stream().noneMatch(c -> c.name.equals(TableModel.SYNCED))
                    || columns.stream().noneMatch(c -> c.name.equals(TableModel.DELETED))) {
                foreignTables.add(name);
                return;
            }
            List<String> key = deferredKeys.getOrDefault(name, keys.getOrDefault(physical, List.of()));
            TableModel model =
                    new TableModel(name, key.equals(List.of(TableModel.FIVETRAN_ID)) ? List.of() : key, true);
            if (deferredKeys.containsKey(name)) {
                model.markKeyPending();
            }
            for (Column column : columns) {
                if (!TableModel.isSystemColumn(column.name) && model.column(column.name) == null) {
                    model.addColumn(column.name, PostgresTypes.typeOf(column.type, column.comment.type()), false);
                }
            }
            tables.put(name, model);
        });
        return tables;
    }

    /**
     * @param table a table name as the engine knows it
     * @return whether the schema holds a table of that name that Sluice did not create
     */
    boolean foreign(String table) {
        return foreignTables.contains(table);
    }

    private record Column(String name, String type, SluiceComment comment) {}
}
