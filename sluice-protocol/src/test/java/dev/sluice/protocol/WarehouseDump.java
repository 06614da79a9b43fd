package dev.sluice.protocol;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads every table of a project's warehouse as text: its columns with types, then its rows sorted, system timestamps aside. */
public final class WarehouseDump {

    private WarehouseDump() {}

    /**
     * @param project a project folder with files/warehouse.db
     * @return table name to lines: one of columns, then one per row
     */
    public static Map<String, List<String>> of(Path project) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("duckdb.read_only", "true");
        String url = "jdbc:duckdb:" + project.resolve("files/warehouse.db").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'tester' ORDER BY table_name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                List<String> lines = new ArrayList<>();
                List<String> columns = new ArrayList<>();
                StringBuilder header = new StringBuilder();
                try (ResultSet rs =
                        statement.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                                + " WHERE table_schema = 'tester' AND table_name = '" + table
                                + "' ORDER BY ordinal_position")) {
                    while (rs.next()) {
                        header.append(rs.getString(1))
                                .append(' ')
                                .append(rs.getString(2))
                                .append(", ");
                        if (!rs.getString(1).equals("_fivetran_synced")) {
                            columns.add('"' + rs.getString(1) + '"');
                        }
                    }
                }
                lines.add(header.toString());
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(
                        "SELECT " + String.join(", ", columns) + " FROM tester.\"" + table + "\"")) {
                    int width = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= width; i++) {
                            Object value = rs.getObject(i);
                            row.append(
                                            value instanceof byte[] bytes
                                                    ? java.util.HexFormat.of().formatHex(bytes)
                                                    : value)
                                    .append(" | ");
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                lines.addAll(rows);
                tables.put(table, lines);
            }
        }
        return tables;
    }
}
