package dev.sluice.engine.warehouse;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.ProjectLayout;
import dev.sluice.engine.destination.Sql;
import dev.sluice.engine.destination.duckdb.DuckDbConnections;
import dev.sluice.engine.destination.duckdb.DuckDbErrors;
import dev.sluice.engine.destination.postgres.PostgresConnections;
import dev.sluice.engine.naming.SystemColumns;
import dev.sluice.sdk.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads what landed in a destination without a database client: the tables of one schema
 * ({@value #SCHEMA} by default), their rows, and arbitrary SQL, in a DuckDB file (such as the local
 * {@code files/warehouse.db}) or a PostgreSQL database. Opens a DuckDB file read-only, so it fails while a
 * sync holds the file. Not thread-safe; close it when done.
 */
public final class WarehouseReader implements AutoCloseable {

    /** The schema that holds synced tables, as in Fivetran's local tester. */
    public static final String SCHEMA = ProjectLayout.SCHEMA;

    private final Connection connection;
    private final String schema;
    private final boolean postgres;

    private WarehouseReader(Connection connection, String schema, boolean postgres) {
        this.connection = connection;
        this.schema = schema;
        this.postgres = postgres;
    }

    /**
     * @param warehouseFile the {@code warehouse.db} file
     * @return a reader
     * @throws SyncException naming the file when it does not exist or cannot be opened
     */
    public static WarehouseReader open(Path warehouseFile) {
        return open(warehouseFile, SCHEMA);
    }

    /**
     * @param destination a DuckDB file or a PostgreSQL database, and the schema to read
     * @return a reader, read-only
     * @throws SyncException naming the destination when it does not exist or cannot be reached
     */
    public static WarehouseReader open(DestinationConfig destination) {
        if (destination instanceof DestinationConfig.Postgres postgres) {
            Connection connection = PostgresConnections.open(postgres);
            try {
                connection.setReadOnly(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TIME ZONE 'UTC'");
                }
            } catch (SQLException e) {
                throw new SyncException("Cannot read " + postgres.describe() + ": " + e.getMessage(), e);
            }
            return new WarehouseReader(connection, postgres.schema(), true);
        }
        DestinationConfig.DuckDb file = (DestinationConfig.DuckDb) destination;
        return open(file.file(), file.schema());
    }

    private static WarehouseReader open(Path warehouseFile, String schema) {
        if (!Files.isRegularFile(warehouseFile)) {
            throw new SyncException("No warehouse at " + warehouseFile + ": run `sluice debug` first");
        }
        try {
            Properties properties = new Properties();
            properties.setProperty("duckdb.read_only", "true");
            return new WarehouseReader(DuckDbConnections.open(warehouseFile, properties), schema, false);
        } catch (SQLException e) {
            throw DuckDbErrors.openFailed(warehouseFile, e);
        }
    }

    /**
     * @param identifier any name
     * @return it as a quoted SQL identifier, safe for keywords, spaces, quotes and unicode
     */
    public static String quote(String identifier) {
        return Sql.quote(identifier);
    }

    /**
     * @param text any text
     * @return it as a SQL string literal
     */
    public static String literal(String text) {
        return Sql.literal(text);
    }

    /** @return the schema read, which holds the synced tables */
    public String schema() {
        return schema;
    }

    /** @return the synced tables' names, sorted */
    public List<String> tables() {
        List<String> tables = new ArrayList<>();
        for (Map<String, Object> row : query("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                        + Sql.literal(schema) + " ORDER BY table_name")
                .rows()) {
            tables.add((String) row.get("table_name"));
        }
        return tables;
    }

    /**
     * @param table a destination table name
     * @return every row (soft-deleted ones included), ordered by all columns but the system ones;
     *     values as JDBC returns them
     * @throws SyncException naming the table when it does not exist
     */
    public List<Map<String, Object>> rows(String table) {
        if (!tables().contains(table)) {
            throw new SyncException("No table '" + table + "' in the warehouse; it has " + tables());
        }
        List<String> columns = columns(table);
        StringBuilder order = new StringBuilder();
        for (String column : columns) {
            if (!column.equals(SystemColumns.SYNCED)) {
                order.append(order.length() == 0 ? "" : ", ").append(Sql.quote(column));
            }
        }
        return query("SELECT * FROM " + Sql.quote(schema) + "." + Sql.quote(table)
                        + (order.length() == 0 ? "" : " ORDER BY " + order))
                .rows();
    }

    /**
     * @param table a destination table name
     * @return the table's column names in table order
     */
    public List<String> columns(String table) {
        List<String> columns = new ArrayList<>();
        try (var statement = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new SyncException("Cannot read the columns of table '" + table + "': " + e.getMessage(), e);
        }
        return columns;
    }

    /**
     * @param table a destination table
     * @return column name to the destination's SQL type, upper case, in table order: DuckDB's
     *     ({@code BIGINT}, {@code DECIMAL(12,2)}, {@code TIMESTAMP WITH TIME ZONE}, {@code VARCHAR}) or
     *     PostgreSQL's ({@code BIGINT}, {@code NUMERIC(12,2)}, {@code TIMESTAMP WITH TIME ZONE},
     *     {@code TEXT}, {@code JSONB})
     */
    public Map<String, String> columnTypes(String table) {
        String sql = postgres
                ? "SELECT a.attname, upper(format_type(a.atttypid, a.atttypmod)) FROM pg_attribute a"
                        + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
                : "SELECT column_name, data_type FROM information_schema.columns WHERE ? = table_schema || '.' ||"
                        + " table_name ORDER BY ordinal_position";
        String name = postgres ? Sql.quote(schema) + "." + Sql.quote(table) : schema + "." + table;
        Map<String, String> types = new LinkedHashMap<>();
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new SyncException("Cannot read the columns of table '" + table + "': " + e.getMessage(), e);
        }
        return types;
    }

    /**
     * @param table a destination table
     * @return its primary-key columns in key order ({@code _fivetran_id} for a keyless table); empty
     *     when it has none (yet)
     */
    public List<String> primaryKey(String table) {
        String sql = postgres
                ? "SELECT a.attname FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY"
                        + " AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                        + " WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY k.ord"
                : "SELECT unnest(constraint_column_names) FROM duckdb_constraints() WHERE ? = schema_name || '.' ||"
                        + " table_name AND constraint_type = 'PRIMARY KEY'";
        String name = postgres ? Sql.quote(schema) + "." + Sql.quote(table) : schema + "." + table;
        List<String> key = new ArrayList<>();
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new SyncException("Cannot read the primary key of table '" + table + "': " + e.getMessage(), e);
        }
        return key;
    }

    /** @return one line per table: rows, soft-deleted rows and columns */
    public List<TableOverview> overview() {
        List<TableOverview> overview = new ArrayList<>();
        for (String table : tables()) {
            List<String> columns = columns(table);
            String deleted = columns.contains(SystemColumns.DELETED)
                    ? "count(*) FILTER (WHERE " + quote(SystemColumns.DELETED) + ")"
                    : "0";
            Map<String, Object> counts = query("SELECT count(*) AS n, " + deleted + " AS d FROM " + Sql.quote(schema)
                            + "." + Sql.quote(table))
                    .rows()
                    .get(0);
            overview.add(new TableOverview(
                    table, ((Number) counts.get("n")).longValue(), ((Number) counts.get("d")).longValue(), columns));
        }
        return overview;
    }

    /**
     * Runs any SQL. Tables are in schema {@value #SCHEMA}, e.g. {@code SELECT * FROM tester.orders}.
     *
     * @param sql the statement
     * @return its columns and rows
     * @throws SyncException with DuckDB's message when the statement fails
     */
    public QueryResult query(String sql) {
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return new QueryResult(List.of(), List.of());
            }
            try (ResultSet rs = statement.getResultSet()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.put(columns.get(i - 1), value(rs, meta, i));
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, rows);
            }
        } catch (SQLException e) {
            throw new SyncException("Query failed: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a value as the same Java type from either database: PostgreSQL's date and time types as
     * {@code java.time} values (as DuckDB's driver returns them), its JSON as text and SMALLINT as Short.
     */
    private static Object value(ResultSet rs, ResultSetMetaData meta, int column) throws SQLException {
        String type = meta.getColumnTypeName(column);
        Object value = switch (type) {
            case "timestamp" -> rs.getObject(column, LocalDateTime.class);
            case "timestamptz" -> rs.getObject(column, OffsetDateTime.class);
            case "date" -> rs.getObject(column, LocalDate.class);
            case "json", "jsonb" -> rs.getString(column);
            case "int2" -> rs.getObject(column) == null ? null : rs.getShort(column);
            default -> rs.getObject(column);
        };
        return rs.wasNull() ? null : value;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new SyncException("Cannot close the warehouse: " + e.getMessage(), e);
        }
    }

    /**
     * A table at a glance.
     *
     * @param name destination table name
     * @param rows all rows
     * @param deletedRows rows with {@code _fivetran_deleted = true}
     * @param columns column names in table order
     */
    public record TableOverview(String name, long rows, long deletedRows, List<String> columns) {}

    /**
     * The result of a query.
     *
     * @param columns column labels in order
     * @param rows each row as label to value, in column order
     */
    public record QueryResult(List<String> columns, List<Map<String, Object>> rows) {}
}
