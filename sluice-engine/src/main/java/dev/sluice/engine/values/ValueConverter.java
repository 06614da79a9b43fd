package dev.sluice.engine.values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;

/**
 * Converts connector values to the canonical Java value of a column type, as the writer appends
 * it: BOOLEAN Boolean, SHORT Short, INT Integer, LONG Long, DECIMAL BigDecimal at the column's
 * scale, FLOAT Float, DOUBLE Double, NAIVE_DATE LocalDate, NAIVE_DATETIME and UTC_DATETIME Long
 * microseconds since the epoch (UTC), BINARY byte[], XML/STRING/JSON String.
 *
 * <p>Declared columns convert leniently (numeric and ISO date strings are parsed, as Fivetran
 * accepts them); inferred columns take only values whose own type fits, so that a wider value
 * widens the column instead of being parsed. Stateless and thread-safe.
 */
public final class ValueConverter {

    /** Returned when a value does not fit the type. */
    public static final Object MISMATCH = new Object() {
        @Override
        public String toString() {
            return "MISMATCH";
        }
    };

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private ValueConverter() {}

    /**
     * @param type the column type
     * @param value a non-null value
     * @param lenient whether strings may be parsed (declared columns)
     * @return the canonical value, or {@link #MISMATCH}
     */
    public static Object convert(ColumnType type, Object value, boolean lenient) {
        if (isCanonical(type, value)) {
            return value;
        }
        if (!lenient && !TypeWidening.holds(type, TypeInference.infer(value))) {
            return MISMATCH;
        }
        try {
            return switch (type.type()) {
                case BOOLEAN -> toBoolean(value);
                case SHORT -> toIntegral(value, Short.MIN_VALUE, Short.MAX_VALUE, type);
                case INT -> toIntegral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
                case LONG -> toIntegral(value, Long.MIN_VALUE, Long.MAX_VALUE, type);
                case DECIMAL -> toDecimal(value, type);
                case FLOAT -> toFloat(value);
                case DOUBLE -> toDouble(value);
                case NAIVE_DATE -> toDate(value);
                case NAIVE_DATETIME -> toNaiveMicros(value);
                case UTC_DATETIME -> toUtcMicros(value);
                case BINARY -> toBytes(value);
                case XML -> value instanceof CharSequence ? value.toString() : MISMATCH;
                case STRING -> toText(value);
                case JSON -> toJson(value);
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            return MISMATCH;
        }
    }

    private static boolean isCanonical(ColumnType type, Object value) {
        Class<?> kind = value.getClass();
        return switch (type.type()) {
            case STRING, XML -> kind == String.class;
            case LONG -> kind == Long.class;
            case INT -> kind == Integer.class;
            case SHORT -> kind == Short.class;
            case DOUBLE -> kind == Double.class;
            case FLOAT -> kind == Float.class;
            case BOOLEAN -> kind == Boolean.class;
            case NAIVE_DATE -> kind == LocalDate.class;
            case BINARY -> kind == byte[].class;
            default -> false;
        };
    }

    private static Object toBoolean(Object value) {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number) {
            BigDecimal n = toBigDecimal(value);
            if (n != null && n.compareTo(BigDecimal.ZERO) == 0) {
                return Boolean.FALSE;
            }
            return n != null && n.compareTo(BigDecimal.ONE) == 0 ? Boolean.TRUE : MISMATCH;
        }
        if (value instanceof String) {
            switch (((String) value).trim().toLowerCase(Locale.ROOT)) {
                case "true":
                case "1":
                    return Boolean.TRUE;
                case "false":
                case "0":
                    return Boolean.FALSE;
                default:
                    return MISMATCH;
            }
        }
        return MISMATCH;
    }

    private static Object toIntegral(Object value, long min, long max, ColumnType type) {
        long n;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            n = ((Number) value).longValue();
        } else {
            BigDecimal d = value instanceof String ? new BigDecimal(((String) value).trim()) : toBigDecimal(value);
            if (d == null) {
                return MISMATCH;
            }
            n = d.longValueExact();
        }
        if (n < min || n > max) {
            return MISMATCH;
        }
        return switch (type.type()) {
            case SHORT -> (short) n;
            case INT -> (int) n;
            default -> n;
        };
    }

    private static Object toDecimal(Object value, ColumnType type) {
        BigDecimal d = value instanceof String ? new BigDecimal(((String) value).trim()) : toBigDecimal(value);
        if (d == null) {
            return MISMATCH;
        }
        BigDecimal scaled = d.setScale(type.scale(), java.math.RoundingMode.UNNECESSARY);
        return scaled.precision() - scaled.scale() > type.precision() - type.scale() ? MISMATCH : scaled;
    }

    private static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        } else if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
        }
        return null;
    }

    private static Object toFloat(Object value) {
        if (value instanceof Float) {
            return value;
        }
        if (value instanceof Number) {
            return ((Number) value).floatValue();
        }
        return value instanceof String ? Float.parseFloat(((String) value).trim()) : MISMATCH;
    }

    private static Object toDouble(Object value) {
        if (value instanceof Double) {
            return value;
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        return value instanceof String ? Double.parseDouble(((String) value).trim()) : MISMATCH;
    }

    private static Object toDate(Object value) {
        if (value instanceof LocalDate) {
            return value;
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toLocalDate();
        }
        if (value instanceof String) {
            String text = ((String) value).trim();
            return text.length() <= 10
                    ? LocalDate.parse(text)
                    : LocalDateTime.parse(text.replace(' ', 'T')).toLocalDate();
        }
        return MISMATCH;
    }

    private static Object toNaiveMicros(Object value) {
        LocalDateTime dateTime;
        if (value instanceof LocalDateTime) {
            dateTime = (LocalDateTime) value;
        } else if (value instanceof LocalDate) {
            dateTime = ((LocalDate) value).atStartOfDay();
        } else if (value instanceof String) {
            String text = ((String) value).trim();
            dateTime = text.length() <= 10
                    ? LocalDate.parse(text).atStartOfDay()
                    : LocalDateTime.parse(text.replace(' ', 'T'));
        } else {
            return MISMATCH;
        }
        return micros(dateTime.toInstant(ZoneOffset.UTC));
    }

    private static Object toUtcMicros(Object value) {
        Instant instant;
        if (value instanceof Instant) {
            instant = (Instant) value;
        } else if (value instanceof OffsetDateTime) {
            instant = ((OffsetDateTime) value).toInstant();
        } else if (value instanceof ZonedDateTime) {
            instant = ((ZonedDateTime) value).toInstant();
        } else if (value instanceof Date) {
            instant = ((Date) value).toInstant();
        } else if (value instanceof LocalDate) {
            instant = ((LocalDate) value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } else if (value instanceof LocalDateTime) {
            instant = ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
        } else if (value instanceof String) {
            String text = ((String) value).trim();
            instant = text.length() <= 10
                    ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } else {
            return MISMATCH;
        }
        return micros(instant);
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
    }

    private static Object toBytes(Object value) {
        if (value instanceof byte[]) {
            return value;
        }
        if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        return MISMATCH;
    }

    private static Object toText(Object value) {
        if (value instanceof String) {
            return value;
        }
        ColumnType natural = TypeInference.infer(value);
        if (ColumnType.JSON.equals(natural)) {
            return JsonText.write(value);
        }
        if (ColumnType.BINARY.equals(natural)) {
            return Base64.getEncoder().encodeToString((byte[]) toBytes(value));
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof Date) {
            return ((Date) value).toInstant().toString();
        }
        return value.toString();
    }

    private static Object toJson(Object value) {
        if (value instanceof String && JsonText.isObjectOrArray((String) value)) {
            return ((String) value).strip();
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return JsonText.write(Base64.getEncoder().encodeToString((byte[]) toBytes(value)));
        }
        return JsonText.write(value);
    }

    /**
     * @param micros microseconds since the epoch
     * @return the instant
     */
    public static Instant instantOfMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
