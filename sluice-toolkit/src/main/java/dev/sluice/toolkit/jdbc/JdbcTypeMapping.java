package dev.sluice.toolkit.jdbc;

import dev.sluice.sdk.Column;
import dev.sluice.sdk.DataType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps JDBC column types to Sluice column types, and reads values as the Java types the engine
 * takes:
 *
 * <table>
 *   <caption>JDBC type to Sluice type and Java value</caption>
 *   <tr><th>JDBC / database type</th><th>DataType</th><th>Java value</th></tr>
 *   <tr><td>BOOLEAN, BIT(1)</td><td>BOOLEAN</td><td>Boolean</td></tr>
 *   <tr><td>TINYINT, SMALLINT</td><td>SHORT</td><td>Short</td></tr>
 *   <tr><td>INTEGER</td><td>INT</td><td>Integer</td></tr>
 *   <tr><td>BIGINT</td><td>LONG</td><td>Long</td></tr>
 *   <tr><td>NUMERIC(p,s), DECIMAL(p,s), p &le; 38</td><td>DECIMAL(p,s)</td><td>BigDecimal</td></tr>
 *   <tr><td>NUMERIC without precision, or p &gt; 38</td><td>not declared (inferred)</td><td>BigDecimal</td></tr>
 *   <tr><td>REAL</td><td>FLOAT</td><td>Float</td></tr>
 *   <tr><td>FLOAT, DOUBLE</td><td>DOUBLE</td><td>Double</td></tr>
 *   <tr><td>DATE</td><td>NAIVE_DATE</td><td>LocalDate</td></tr>
 *   <tr><td>TIMESTAMP</td><td>NAIVE_DATETIME</td><td>LocalDateTime</td></tr>
 *   <tr><td>TIMESTAMP WITH TIME ZONE, PostgreSQL timestamptz</td><td>UTC_DATETIME</td><td>Instant</td></tr>
 *   <tr><td>BINARY, VARBINARY, BLOB, PostgreSQL bytea</td><td>BINARY</td><td>byte[]</td></tr>
 *   <tr><td>json, jsonb</td><td>JSON</td><td>String (the JSON text)</td></tr>
 *   <tr><td>SQLXML, xml</td><td>XML</td><td>String</td></tr>
 *   <tr><td>ARRAY</td><td>JSON</td><td>List</td></tr>
 *   <tr><td>CHAR, VARCHAR, text, CLOB, uuid, TIME and anything else</td><td>STRING</td><td>String</td></tr>
 * </table>
 *
 * Stateless and thread-safe.
 */
public final class JdbcTypeMapping {

    private static final Set<String> JSON_TYPES = Set.of("json", "jsonb");
    private static final Set<String> ZONED_TIMESTAMP_TYPES =
            Set.of("timestamptz", "timestamp with time zone", "datetimeoffset");

    private JdbcTypeMapping() {}

    /**
     * @param column a result set column
     * @return its Sluice type, or empty when it is best left to inference (a NUMERIC without a
     *     precision the warehouse can hold)
     */
    public static Optional<DataType> dataType(JdbcColumn column) {
        return Optional.ofNullable(kindOf(column).dataType);
    }

    /**
     * @param column a result set column
     * @return the declaration of the column for {@link dev.sluice.sdk.Table.Builder}, or empty
     *     when its type is best left to inference
     */
    public static Optional<Column> column(JdbcColumn column) {
        Kind kind = kindOf(column);
        if (kind.dataType == null) {
            return Optional.empty();
        }
        if (kind == Kind.DECIMAL) {
            return Optional.of(Column.decimal(column.name(), column.precision(), column.scale()));
        }
        return Optional.of(Column.of(column.name(), kind.dataType));
    }

    /**
     * @param column a result set column
     * @return a reader of its values as the engine's Java types (see the table above)
     */
    public static ValueReader reader(JdbcColumn column) {
        return kindOf(column).reader;
    }

    static Kind kindOf(JdbcColumn column) {
        String typeName = column.normalizedTypeName();
        if (JSON_TYPES.contains(typeName)) {
            return Kind.JSON;
        }
        if (typeName.equals("xml")) {
            return Kind.XML;
        }
        if (ZONED_TIMESTAMP_TYPES.contains(typeName)) {
            return Kind.ZONED_TIMESTAMP;
        }
        if (typeName.equals("uuid")) {
            return Kind.UUID;
        }
        switch (column.jdbcType()) {
            case Types.BOOLEAN:
                return Kind.BOOLEAN;
            case Types.BIT:
                return column.precision() <= 1 ? Kind.BOOLEAN : Kind.STRING;
            case Types.TINYINT:
            case Types.SMALLINT:
                return Kind.SHORT;
            case Types.INTEGER:
                return Kind.INT;
            case Types.BIGINT:
                return Kind.LONG;
            case Types.NUMERIC:
            case Types.DECIMAL:
                boolean fits = column.precision() >= 1
                        && column.precision() <= Column.MAX_PRECISION
                        && column.scale() >= 0
                        && column.scale() <= Math.min(column.precision(), Column.MAX_SCALE);
                return fits ? Kind.DECIMAL : Kind.UNBOUNDED_DECIMAL;
            case Types.REAL:
                return Kind.FLOAT;
            case Types.FLOAT:
            case Types.DOUBLE:
                return Kind.DOUBLE;
            case Types.DATE:
                return Kind.DATE;
            case Types.TIMESTAMP:
                return Kind.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return Kind.ZONED_TIMESTAMP;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return Kind.BINARY;
            case Types.SQLXML:
                return Kind.XML;
            case Types.ARRAY:
                return Kind.ARRAY;
            default:
                return Kind.STRING;
        }
    }

    /** What a column holds: its Sluice type, how to read it, whether it can order a keyset read. */
    enum Kind {
        BOOLEAN(DataType.BOOLEAN, false, (rs, i) -> {
            boolean value = rs.getBoolean(i);
            return rs.wasNull() ? null : value;
        }),
        SHORT(DataType.SHORT, true, (rs, i) -> {
            short value = rs.getShort(i);
            return rs.wasNull() ? null : value;
        }),
        INT(DataType.INT, true, (rs, i) -> {
            int value = rs.getInt(i);
            return rs.wasNull() ? null : value;
        }),
        LONG(DataType.LONG, true, (rs, i) -> {
            long value = rs.getLong(i);
            return rs.wasNull() ? null : value;
        }),
        DECIMAL(DataType.DECIMAL, true, ResultSet::getBigDecimal),
        UNBOUNDED_DECIMAL(null, true, ResultSet::getBigDecimal),
        FLOAT(DataType.FLOAT, true, (rs, i) -> {
            float value = rs.getFloat(i);
            return rs.wasNull() ? null : value;
        }),
        DOUBLE(DataType.DOUBLE, true, (rs, i) -> {
            double value = rs.getDouble(i);
            return rs.wasNull() ? null : value;
        }),
        DATE(DataType.NAIVE_DATE, true, (rs, i) -> rs.getObject(i, LocalDate.class)),
        TIMESTAMP(DataType.NAIVE_DATETIME, true, (rs, i) -> rs.getObject(i, LocalDateTime.class)),
        ZONED_TIMESTAMP(DataType.UTC_DATETIME, true, (rs, i) -> {
            OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }),
        BINARY(DataType.BINARY, false, ResultSet::getBytes),
        JSON(DataType.JSON, false, ResultSet::getString),
        XML(DataType.XML, false, ResultSet::getString),
        ARRAY(DataType.JSON, false, JdbcTypeMapping::readArray),
        UUID(DataType.STRING, false, ResultSet::getString),
        STRING(DataType.STRING, false, ResultSet::getString);

        final DataType dataType;
        /** Whether it grows with time in a way a cursor can follow: numbers, dates and timestamps. */
        final boolean cursorCapable;

        final ValueReader reader;

        Kind(DataType dataType, boolean cursorCapable, ValueReader reader) {
            this.dataType = dataType;
            this.cursorCapable = cursorCapable;
            this.reader = reader;
        }

        /** @return whether values of this kind can order rows as a key column (JSON and XML cannot) */
        boolean keyCapable() {
            return this != JSON && this != XML && this != ARRAY;
        }
    }

    private static Object readArray(ResultSet resultSet, int index) throws SQLException {
        Array array = resultSet.getArray(index);
        if (array == null) {
            return null;
        }
        try {
            return toJsonList((Object[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private static List<Object> toJsonList(Object[] elements) {
        List<Object> list = new ArrayList<>(elements.length);
        for (Object element : elements) {
            list.add(toJsonElement(element));
        }
        return list;
    }

    private static Object toJsonElement(Object element) {
        if (element == null
                || element instanceof String
                || element instanceof Boolean
                || element instanceof Long
                || element instanceof Integer
                || element instanceof Short
                || element instanceof Double
                || element instanceof Float
                || element instanceof BigDecimal) {
            return element;
        }
        if (element instanceof Object[]) {
            return toJsonList((Object[]) element);
        }
        if (element instanceof Timestamp) {
            return ((Timestamp) element).toLocalDateTime().toString();
        }
        if (element instanceof java.sql.Date) {
            return ((java.sql.Date) element).toLocalDate().toString();
        }
        if (element instanceof byte[]) {
            return java.util.Base64.getEncoder().encodeToString((byte[]) element);
        }
        return element.toString();
    }
}
