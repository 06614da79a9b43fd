package dev.sluice.toolkit.jdbc;

import java.util.Objects;

/**
 * What an {@link IncrementalJdbcReader} reads: a table (optionally schema-qualified) or a
 * SELECT query. Immutable.
 */
public final class JdbcSource {

    private final String schema;
    private final String table;
    private final String query;
    private final String name;

    private JdbcSource(String schema, String table, String query, String name) {
        this.schema = schema;
        this.table = table;
        this.query = query;
        this.name = name;
    }

    /**
     * A table or view. The name is matched as written, then in the case the database stores
     * unquoted names in (PostgreSQL: lower case), so {@code Orders} finds {@code orders}.
     *
     * @param qualifiedName {@code table} or {@code schema.table}
     * @return the source; its {@link #name()} is the table name without the schema
     */
    public static JdbcSource table(String qualifiedName) {
        Objects.requireNonNull(qualifiedName, "table name");
        String trimmed = qualifiedName.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(
                    "The table name is empty: give a table, e.g. \"orders\" or \"public.orders\"");
        }
        int dot = trimmed.indexOf('.');
        return dot < 0
                ? new JdbcSource(null, trimmed, null, trimmed)
                : new JdbcSource(
                        trimmed.substring(0, dot), trimmed.substring(dot + 1), null, trimmed.substring(dot + 1));
    }

    /**
     * A SELECT query, read as a subquery ({@code SELECT * FROM (query) src WHERE ...}), so it
     * must not end with ORDER BY, LIMIT or a semicolon. Give the reader its key columns: a
     * query has no primary key.
     *
     * @param name the name of the Sluice table the rows go to
     * @param sql the SELECT query
     * @return the source
     */
    public static JdbcSource query(String name, String sql) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        String trimmed = sql.trim();
        if (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return new JdbcSource(null, null, trimmed, name);
    }

    /** @return the table's name without the schema, or the query's given name */
    public String name() {
        return name;
    }

    /** @return whether this is a query rather than a table */
    public boolean isQuery() {
        return query != null;
    }

    String schema() {
        return schema;
    }

    String table() {
        return table;
    }

    String sql() {
        return query;
    }

    @Override
    public String toString() {
        return isQuery() ? "query '" + name + "'" : "table '" + (schema == null ? "" : schema + ".") + table + "'";
    }
}
