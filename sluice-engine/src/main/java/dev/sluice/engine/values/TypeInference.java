package dev.sluice.engine.values;

import dev.sluice.sdk.Column;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/** The column type a Java value implies when its column is not declared. Never parses strings. */
public final class TypeInference {

    private TypeInference() {}

    /**
     * @param value a non-null value
     * @return its type: Boolean BOOLEAN; Byte/Short SHORT; Integer INT; Long LONG; BigInteger LONG
     *     or DECIMAL; Float FLOAT; Double DOUBLE; BigDecimal DECIMAL; LocalDate NAIVE_DATE;
     *     LocalDateTime NAIVE_DATETIME; Instant, OffsetDateTime, ZonedDateTime, Date UTC_DATETIME;
     *     byte[] and ByteBuffer BINARY; maps, collections, arrays and records JSON; else STRING
     */
    public static ColumnType infer(Object value) {
        if (value instanceof String) {
            return ColumnType.STRING;
        } else if (value instanceof Long) {
            return ColumnType.LONG;
        } else if (value instanceof Integer) {
            return ColumnType.INT;
        } else if (value instanceof Double) {
            return ColumnType.DOUBLE;
        } else if (value instanceof Boolean) {
            return ColumnType.BOOLEAN;
        } else if (value instanceof Instant
                || value instanceof OffsetDateTime
                || value instanceof ZonedDateTime
                || value instanceof Date) {
            return ColumnType.UTC_DATETIME;
        } else if (value instanceof LocalDateTime) {
            return ColumnType.NAIVE_DATETIME;
        } else if (value instanceof LocalDate) {
            return ColumnType.NAIVE_DATE;
        } else if (value instanceof BigDecimal) {
            return decimalOf((BigDecimal) value);
        } else if (value instanceof Short || value instanceof Byte) {
            return ColumnType.SHORT;
        } else if (value instanceof Float) {
            return ColumnType.FLOAT;
        } else if (value instanceof BigInteger) {
            return ((BigInteger) value).bitLength() < 64
                    ? ColumnType.LONG
                    : decimalOf(new BigDecimal((BigInteger) value));
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            return ColumnType.BINARY;
        } else if (value instanceof Map
                || value instanceof Collection
                || value instanceof Record
                || value.getClass().isArray()) {
            return ColumnType.JSON;
        }
        return ColumnType.STRING;
    }

    private static ColumnType decimalOf(BigDecimal value) {
        int scale = Math.max(value.scale(), 0);
        int integerDigits = Math.max(value.precision() - value.scale(), 1);
        int precision = integerDigits + scale;
        if (scale > Column.MAX_SCALE || precision > Column.MAX_PRECISION) {
            return ColumnType.STRING;
        }
        return ColumnType.decimal(precision, scale);
    }
}
