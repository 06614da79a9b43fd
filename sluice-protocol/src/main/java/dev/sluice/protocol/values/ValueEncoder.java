package dev.sluice.protocol.values;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.sluice.engine.schema.ColumnType;
import dev.sluice.engine.schema.TypeInference;
import dev.sluice.engine.schema.ValueConverter;
import dev.sluice.sdk.Column;
import dev.sluice.sdk.SyncException;
import fivetran_sdk.v2.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Turns a connector's Java value into a {@link ValueType}: by the declared column's type when the
 * column is declared (converted exactly as the engine converts it in-process), otherwise by the
 * type the engine would infer from the value. Naive dates and date-times travel as timestamps of
 * that wall-clock time in UTC, decimals as plain text, JSON as serialized text. Stateless and
 * thread-safe.
 */
public final class ValueEncoder {

    private static final ValueType NULL = ValueType.newBuilder().setNull(true).build();
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private ValueEncoder() {
    }

    /**
     * @param table the table's source name, for messages
     * @param column the column's source name, for messages
     * @param declared the declared column, or null when the column is inferred
     * @param value the value, may be null
     * @return the wire value
     * @throws SyncException naming the table, column and value when it does not fit the declared type
     */
    public static ValueType encode(String table, String column, Column declared, Object value) {
        if (value == null) {
            return NULL;
        }
        if (declared == null) {
            ValueType common = encodeCommon(value);
            if (common != null) {
                return common;
            }
        }
        ColumnType type = declared != null ? ColumnType.of(declared) : TypeInference.infer(value);
        Object canonical = ValueConverter.convert(type, value, declared != null);
        if (canonical == ValueConverter.MISMATCH) {
            throw new SyncException("Table '" + table + "', column '" + column + "': value '" + value + "' ("
                    + value.getClass().getSimpleName() + ") does not fit its type " + type
                    + ": emit a value of that type, or change the column's declaration in schema()");
        }
        ValueType.Builder out = ValueType.newBuilder();
        switch (type.type()) {
            case BOOLEAN -> out.setBool((Boolean) canonical);
            case SHORT -> out.setShort((Short) canonical);
            case INT -> out.setInt((Integer) canonical);
            case LONG -> out.setLong((Long) canonical);
            case DECIMAL -> out.setDecimal(((BigDecimal) canonical).toPlainString());
            case FLOAT -> out.setFloat((Float) canonical);
            case DOUBLE -> out.setDouble((Double) canonical);
            case NAIVE_DATE -> out.setNaiveDate(Timestamp.newBuilder()
                    .setSeconds(((LocalDate) canonical).atStartOfDay().toEpochSecond(ZoneOffset.UTC)));
            case NAIVE_DATETIME -> out.setNaiveDatetime(timestampOfMicros((Long) canonical));
            case UTC_DATETIME -> out.setUtcDatetime(timestampOfMicros((Long) canonical));
            case BINARY -> out.setBinary(ByteString.copyFrom((byte[]) canonical));
            case XML -> out.setXml((String) canonical);
            case STRING -> out.setString((String) canonical);
            case JSON -> out.setJson((String) canonical);
            default -> throw new IllegalStateException("unhandled type " + type);
        }
        return out.build();
    }

    /** The inferred encoding of the most common Java types, without the general conversion; null for others. */
    private static ValueType encodeCommon(Object value) {
        Class<?> kind = value.getClass();
        if (kind == String.class) {
            return ValueType.newBuilder().setString((String) value).build();
        } else if (kind == Long.class) {
            return ValueType.newBuilder().setLong((Long) value).build();
        } else if (kind == Integer.class) {
            return ValueType.newBuilder().setInt((Integer) value).build();
        } else if (kind == Double.class) {
            return ValueType.newBuilder().setDouble((Double) value).build();
        } else if (kind == Boolean.class) {
            return ValueType.newBuilder().setBool((Boolean) value).build();
        } else if (kind == Instant.class) {
            Instant instant = (Instant) value;
            return ValueType.newBuilder().setUtcDatetime(Timestamp.newBuilder().setSeconds(instant.getEpochSecond())
                    .setNanos(instant.getNano() / 1000 * 1000)).build();
        }
        return null;
    }

    static Timestamp timestampOfMicros(long micros) {
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        int nanos = (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000;
        return Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
    }
}
