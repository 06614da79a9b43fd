package dev.sluice.toolkit.jdbc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * Turns a cursor or key value into a value {@link dev.sluice.sdk.State} can hold, and back into a
 * JDBC parameter of the column's type. Numbers stay numbers where JSON holds them exactly;
 * decimals, dates and timestamps become ISO strings.
 */
final class PositionCodec {

    private PositionCodec() {}

    static Object toState(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        } else if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        } else if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        } else if (value instanceof Boolean) {
            return value;
        } else if (value instanceof byte[]) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }
        return value.toString();
    }

    /**
     * @return the value as the row held it (see {@link Position})
     * @throws RuntimeException (a parse exception) when the saved value cannot be read as the column's type
     */
    static Object fromState(JdbcTypeMapping.Kind kind, Object saved) {
        String text = saved.toString();
        return switch (kind) {
            case SHORT -> new BigDecimal(text).shortValueExact();
            case INT -> new BigDecimal(text).intValueExact();
            case LONG -> new BigDecimal(text).longValueExact();
            case DECIMAL, UNBOUNDED_DECIMAL -> new BigDecimal(text);
            case FLOAT -> Float.parseFloat(text);
            case DOUBLE -> Double.parseDouble(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
            case DATE -> LocalDate.parse(text);
            case TIMESTAMP -> LocalDateTime.parse(text);
            case ZONED_TIMESTAMP -> Instant.parse(text);
            case BINARY -> Base64.getDecoder().decode(text);
            default -> text;
        };
    }

    /** @return the position value as a JDBC parameter: the row value in a type drivers bind */
    static Object toParameter(JdbcTypeMapping.Kind kind, Object value) {
        if (value instanceof Instant) {
            return OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
        }
        if (kind == JdbcTypeMapping.Kind.UUID && value instanceof String) {
            return UUID.fromString((String) value);
        }
        return value;
    }
}
