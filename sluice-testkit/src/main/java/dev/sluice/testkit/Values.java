package dev.sluice.testkit;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns JDBC values into the plain Java values the test kit hands out, and compares them. */
final class Values {

    /** Orders values of one column: nulls first, numbers by value, then natural or text order. */
    static final Comparator<Object> ORDER = Values::compare;

    private Values() {}

    /**
     * @param value a value as DuckDB's JDBC driver returns it
     * @return TIMESTAMP as {@link LocalDateTime}, TIMESTAMPTZ as {@link Instant}, DATE as
     *     {@link LocalDate}, BLOB as {@code byte[]}, LIST as {@link List}, numbers, booleans and
     *     strings as they are, anything else (JSON, structs) as its text
     */
    static Object plain(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof LocalDate
                || value instanceof LocalDateTime
                || value instanceof LocalTime
                || value instanceof Instant
                || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof Blob blob) {
            return bytes(blob);
        }
        if (value instanceof Array array) {
            return list(array);
        }
        return value.toString();
    }

    /**
     * @param value a {@link #plain} value
     * @return the value with {@code byte[]} as hex text, so that rows compare with {@code equals}
     */
    static Object comparable(Object value) {
        return value instanceof byte[] bytes ? "0x" + HexFormat.of().formatHex(bytes) : value;
    }

    /**
     * @param a a plain value
     * @param b a plain value
     * @return whether they are equal, numbers compared by value ({@code 1 == 1L == 1.0})
     */
    static boolean same(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return compareNumbers((Number) a, (Number) b) == 0;
        }
        return Objects.deepEquals(a, b);
    }

    /**
     * @param row a row
     * @return the row as text, with values that are text quoted, for messages
     */
    static String describe(Map<String, Object> row) {
        StringBuilder text = new StringBuilder("{");
        row.forEach((column, value) -> text.append(text.length() == 1 ? "" : ", ")
                .append(column)
                .append('=')
                .append(describe(value)));
        return text.append('}').toString();
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "\"" + value + "\"";
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        return String.valueOf(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a instanceof Number && b instanceof Number) {
            return compareNumbers((Number) a, (Number) b);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compare(x, y);
        }
        if (a instanceof Comparable && a.getClass() == b.getClass()) {
            return ((Comparable) a).compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    private static int compareNumbers(Number a, Number b) {
        if (!Double.isFinite(a.doubleValue()) || !Double.isFinite(b.doubleValue())) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return decimal(a).compareTo(decimal(b));
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }

    private static byte[] bytes(Blob blob) {
        try {
            return blob.getBytes(1, Math.toIntExact(blob.length()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a BLOB value: " + e.getMessage(), e);
        }
    }

    private static List<Object> list(Array array) {
        try {
            List<Object> values = new ArrayList<>();
            for (Object element : (Object[]) array.getArray()) {
                values.add(plain(element));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a LIST value: " + e.getMessage(), e);
        }
    }
}
