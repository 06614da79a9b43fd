package dev.sluice.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PostgreSQL test database the way the tests read DuckDB: values as DuckDB's JDBC driver
 * returns them, and type names as DuckDB spells them. See {@link SyncHarness}.
 */
public final class PostgresRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

    private PostgresRows() {}

    /**
     * @param postgres the database
     * @param sql a query
     * @return its rows, label to value, with values converted as the class comment says
     */
    public static List<Map<String, Object>> query(DestinationConfig.Postgres postgres, String sql) {
        String url = "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + postgres.database();
        try (Connection connection = DriverManager.getConnection(url, postgres.user(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(sql)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(uniqueLabel(row, meta.getColumnLabel(i)), value(rs, i, meta.getColumnTypeName(i)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed on the test PostgreSQL: " + e.getMessage() + "\n" + sql, e);
        }
    }

    /** PostgreSQL labels an unnamed expression by its function, so two may share a label DuckDB tells apart. */
    private static String uniqueLabel(Map<String, Object> row, String label) {
        String unique = label;
        for (int n = 2; row.containsKey(unique); n++) {
            unique = label + "_" + n;
        }
        return unique;
    }

    private static Object value(ResultSet rs, int column, String type) throws SQLException {
        if (rs.getObject(column) == null) {
            return null;
        }
        return switch (type) {
            case "int2" -> rs.getShort(column);
            case "timestamp" -> rs.getObject(column, LocalDateTime.class);
            case "timestamptz" -> rs.getObject(column, OffsetDateTime.class);
            case "date" -> rs.getObject(column, LocalDate.class);
            case "json", "jsonb" -> compact(rs.getString(column));
            default -> rs.getObject(column);
        };
    }

    private static String compact(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned JSON that does not parse: " + json, e);
        }
    }

    /**
     * @param table a table of schema {@code tester}
     * @return a query of its columns' names ({@code column_name}) and types ({@code data_type}, as
     *     {@code format_type()} gives them), in table order
     */
    public static String columnTypesSql(String table) {
        return "SELECT a.attname::text AS column_name, format_type(a.atttypid, a.atttypmod) AS data_type"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'tester' AND c.relname = "
                + literal(table) + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
    }

    /**
     * @param rows the rows of {@link #columnTypesSql}
     * @return column name to type, named as DuckDB names it
     */
    static Map<String, String> columnTypes(List<Map<String, Object>> rows) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            types.put((String) row.get("column_name"), duckDbName((String) row.get("data_type")));
        }
        return types;
    }

    /**
     * @param formatted a type as PostgreSQL's {@code format_type()} gives it
     * @return DuckDB's name of the type Sluice writes for the same Fivetran type
     */
    public static String duckDbName(String formatted) {
        Matcher numeric = NUMERIC.matcher(formatted);
        if (numeric.matches()) {
            return "DECIMAL(" + numeric.group(1) + "," + numeric.group(2) + ")";
        }
        return switch (formatted) {
            case "text", "jsonb", "json", "character varying" -> "VARCHAR";
            case "boolean" -> "BOOLEAN";
            case "smallint" -> "SMALLINT";
            case "integer" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "real" -> "FLOAT";
            case "double precision" -> "DOUBLE";
            case "date" -> "DATE";
            case "timestamp without time zone" -> "TIMESTAMP";
            case "timestamp with time zone" -> "TIMESTAMP WITH TIME ZONE";
            case "bytea" -> "BLOB";
            default -> throw new IllegalStateException("No DuckDB name for PostgreSQL type " + formatted);
        };
    }

    /**
     * @param table a table of schema {@code tester}
     * @return a query of its primary key's columns ({@code k}), in key order
     */
    static String primaryKeySql(String table) {
        return "SELECT a.attname::text AS k FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS key(attnum, position)"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = key.attnum"
                + " WHERE i.indisprimary AND n.nspname = 'tester' AND c.relname = " + literal(table)
                + " ORDER BY key.position";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
