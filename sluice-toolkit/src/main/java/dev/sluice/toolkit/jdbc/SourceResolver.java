package dev.sluice.toolkit.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Finds a {@link JdbcSource}'s table in the database's catalog, or says which tables there are. */
final class SourceResolver {

    private static final int TABLES_LISTED = 30;

    private SourceResolver() {}

    /**
     * @return the FROM clause, a description for messages and the table's primary key (empty
     *     for a query or a table without one)
     * @throws JdbcException naming the table and listing the tables there are when it is missing
     */
    static Resolved resolve(Connection connection, SqlDialect dialect, JdbcSource source) throws SQLException {
        if (source.isQuery()) {
            return new Resolved("(" + source.sql() + ") src", source.toString(), List.of());
        }
        DatabaseMetaData metaData = connection.getMetaData();
        String[] found = find(metaData, source.schema(), source.table());
        if (found == null) {
            throw new JdbcException("Table '" + (source.schema() == null ? "" : source.schema() + ".") + source.table()
                    + "' not found in " + JdbcConnections.describe(metaData.getURL())
                    + " (as user '" + metaData.getUserName() + "'): check its name and that the user may read it."
                    + " Tables " + (source.schema() == null ? "" : "in schema '" + source.schema() + "' ") + "there: "
                    + tableList(metaData, source.schema()));
        }
        String from = (found[0] == null ? "" : dialect.quote(found[0]) + ".") + dialect.quote(found[1]);
        return new Resolved(
                from,
                "table '" + (found[0] == null ? "" : found[0] + ".") + found[1] + "'",
                primaryKey(metaData, found[0], found[1]));
    }

    private static String[] find(DatabaseMetaData metaData, String schema, String table) throws SQLException {
        Set<String> schemas = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        tables.add(table);
        tables.add(table.toLowerCase(Locale.ROOT));
        tables.add(table.toUpperCase(Locale.ROOT));
        if (schema != null) {
            schemas.add(schema);
            schemas.add(schema.toLowerCase(Locale.ROOT));
            schemas.add(schema.toUpperCase(Locale.ROOT));
        }
        String escape = metaData.getSearchStringEscape();
        for (String tableName : tables) {
            for (String schemaName : schema == null ? java.util.Collections.<String>singleton(null) : schemas) {
                try (ResultSet rs =
                        metaData.getTables(null, escape(schemaName, escape), escape(tableName, escape), null)) {
                    Map<String, String[]> matches = new TreeMap<>();
                    while (rs.next()) {
                        String foundSchema = rs.getString("TABLE_SCHEM");
                        String foundTable = rs.getString("TABLE_NAME");
                        if (foundTable.equals(tableName) && (schemaName == null || schemaName.equals(foundSchema))) {
                            matches.put(String.valueOf(foundSchema), new String[] {foundSchema, foundTable});
                        }
                    }
                    if (!matches.isEmpty()) {
                        return preferred(matches, metaData);
                    }
                }
            }
        }
        return null;
    }

    /** Of tables of one name in several schemas, the one in the connection's current schema. */
    private static String[] preferred(Map<String, String[]> matches, DatabaseMetaData metaData) throws SQLException {
        String current = metaData.getConnection().getSchema();
        if (current != null && matches.containsKey(current)) {
            return matches.get(current);
        }
        return matches.containsKey("public")
                ? matches.get("public")
                : matches.values().iterator().next();
    }

    private static String escape(String pattern, String escape) {
        if (pattern == null || escape == null || escape.isEmpty()) {
            return pattern;
        }
        return pattern.replace(escape, escape + escape)
                .replace("_", escape + "_")
                .replace("%", escape + "%");
    }

    private static List<String> primaryKey(DatabaseMetaData metaData, String schema, String table) throws SQLException {
        Map<Short, String> columns = new TreeMap<>();
        try (ResultSet rs = metaData.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(columns.values());
    }

    private static String tableList(DatabaseMetaData metaData, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        int total = 0;
        try (ResultSet rs = metaData.getTables(null, schema, "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                String tableSchema = rs.getString("TABLE_SCHEM");
                if (tableSchema != null
                        && (tableSchema.equals("information_schema") || tableSchema.startsWith("pg_"))) {
                    continue;
                }
                if (total++ < TABLES_LISTED) {
                    names.add((schema == null && tableSchema != null ? tableSchema + "." : "")
                            + rs.getString("TABLE_NAME"));
                }
            }
        }
        if (names.isEmpty()) {
            return "none";
        }
        return String.join(", ", names) + (total > names.size() ? " and " + (total - names.size()) + " more" : "");
    }

    record Resolved(String from, String description, List<String> primaryKey) {}
}
