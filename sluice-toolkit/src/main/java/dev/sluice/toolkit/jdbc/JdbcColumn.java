package dev.sluice.toolkit.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A column of a result set as the driver describes it.
 *
 * @param name the column label
 * @param jdbcType its {@link java.sql.Types} code
 * @param typeName the database's own type name, such as {@code timestamptz} or {@code jsonb}
 * @param precision the declared precision (0 when the driver does not know it)
 * @param scale the declared scale
 * @param nullable false only when the driver knows the column holds no NULLs
 */
public record JdbcColumn(String name, int jdbcType, String typeName, int precision, int scale, boolean nullable) {

    /**
     * @param metaData a result set's metadata
     * @return its columns in order
     * @throws SQLException when the driver cannot describe them
     */
    public static List<JdbcColumn> of(ResultSetMetaData metaData) throws SQLException {
        List<JdbcColumn> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columns.add(new JdbcColumn(
                    metaData.getColumnLabel(i),
                    metaData.getColumnType(i),
                    metaData.getColumnTypeName(i),
                    metaData.getPrecision(i),
                    metaData.getScale(i),
                    metaData.isNullable(i) != ResultSetMetaData.columnNoNulls));
        }
        return columns;
    }

    /** @return the type name in lower case without quotes, e.g. {@code timestamptz} */
    String normalizedTypeName() {
        return typeName == null ? "" : typeName.replace("\"", "").toLowerCase(java.util.Locale.ROOT);
    }
}
