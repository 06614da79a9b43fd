package dev.sluice.protocol.values;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Timestamp;
import dev.sluice.engine.values.ColumnType;
import dev.sluice.engine.values.TypeInference;
import dev.sluice.engine.values.ValueConverter;
import dev.sluice.sdk.Column;
import dev.sluice.sdk.SyncException;
import fivetran_sdk.v2.ValueType;
import java.io.IOException;
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
 *
 * <p>{@link #wire} gives the same value in a form that {@link #size} and {@link #writeTo} put on
 * the wire without building a message: the bytes are those of {@code ValueType.toByteArray()}.
 */
public final class ValueEncoder {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final Wire NULL = new Wire(ValueType.NULL_FIELD_NUMBER, Boolean.TRUE, 0, 0);

    /**
     * A value ready for the wire.
     *
     * @param field the {@code ValueType} field number (which member of the oneof)
     * @param value Boolean, Integer (short, int), Long, Float, Double, String, byte[]; null for timestamps
     * @param seconds a timestamp's seconds
     * @param nanos a timestamp's nanoseconds
     */
    public record Wire(int field, Object value, long seconds, int nanos) {}

    private ValueEncoder() {}

    /**
     * @param table the table's source name, for messages
     * @param column the column's source name, for messages
     * @param declared the declared column, or null when the column is inferred
     * @param value the value, may be null
     * @return the wire value
     * @throws SyncException naming the table, column and value when it does not fit the declared type
     */
    public static ValueType encode(String table, String column, Column declared, Object value) {
        Wire wire = wire(table, column, declared, value);
        ValueType.Builder out = ValueType.newBuilder();
        switch (wire.field()) {
            case ValueType.NULL_FIELD_NUMBER -> out.setNull(true);
            case ValueType.BOOL_FIELD_NUMBER -> out.setBool((Boolean) wire.value());
            case ValueType.SHORT_FIELD_NUMBER -> out.setShort((Integer) wire.value());
            case ValueType.INT_FIELD_NUMBER -> out.setInt((Integer) wire.value());
            case ValueType.LONG_FIELD_NUMBER -> out.setLong((Long) wire.value());
            case ValueType.FLOAT_FIELD_NUMBER -> out.setFloat((Float) wire.value());
            case ValueType.DOUBLE_FIELD_NUMBER -> out.setDouble((Double) wire.value());
            case ValueType.NAIVE_DATE_FIELD_NUMBER -> out.setNaiveDate(timestamp(wire));
            case ValueType.NAIVE_DATETIME_FIELD_NUMBER -> out.setNaiveDatetime(timestamp(wire));
            case ValueType.UTC_DATETIME_FIELD_NUMBER -> out.setUtcDatetime(timestamp(wire));
            case ValueType.DECIMAL_FIELD_NUMBER -> out.setDecimal((String) wire.value());
            case ValueType.BINARY_FIELD_NUMBER -> out.setBinary(ByteString.copyFrom((byte[]) wire.value()));
            case ValueType.STRING_FIELD_NUMBER -> out.setString((String) wire.value());
            case ValueType.JSON_FIELD_NUMBER -> out.setJson((String) wire.value());
            case ValueType.XML_FIELD_NUMBER -> out.setXml((String) wire.value());
            default -> throw new IllegalStateException("unhandled ValueType field " + wire.field());
        }
        return out.build();
    }

    /**
     * @param table the table's source name, for messages
     * @param column the column's source name, for messages
     * @param declared the declared column, or null when the column is inferred
     * @param value the value, may be null
     * @return the value ready for the wire
     * @throws SyncException naming the table, column and value when it does not fit the declared type
     */
    public static Wire wire(String table, String column, Column declared, Object value) {
        if (value == null) {
            return NULL;
        }
        if (declared == null) {
            Wire common = common(value);
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
        return switch (type.type()) {
            case BOOLEAN -> new Wire(ValueType.BOOL_FIELD_NUMBER, canonical, 0, 0);
            case SHORT -> new Wire(ValueType.SHORT_FIELD_NUMBER, (int) (Short) canonical, 0, 0);
            case INT -> new Wire(ValueType.INT_FIELD_NUMBER, canonical, 0, 0);
            case LONG -> new Wire(ValueType.LONG_FIELD_NUMBER, canonical, 0, 0);
            case DECIMAL -> new Wire(ValueType.DECIMAL_FIELD_NUMBER, ((BigDecimal) canonical).toPlainString(), 0, 0);
            case FLOAT -> new Wire(ValueType.FLOAT_FIELD_NUMBER, canonical, 0, 0);
            case DOUBLE -> new Wire(ValueType.DOUBLE_FIELD_NUMBER, canonical, 0, 0);
            case NAIVE_DATE ->
                new Wire(
                        ValueType.NAIVE_DATE_FIELD_NUMBER,
                        null,
                        ((LocalDate) canonical).atStartOfDay().toEpochSecond(ZoneOffset.UTC),
                        0);
            case NAIVE_DATETIME -> micros(ValueType.NAIVE_DATETIME_FIELD_NUMBER, (Long) canonical);
            case UTC_DATETIME -> micros(ValueType.UTC_DATETIME_FIELD_NUMBER, (Long) canonical);
            case BINARY -> new Wire(ValueType.BINARY_FIELD_NUMBER, canonical, 0, 0);
            case XML -> new Wire(ValueType.XML_FIELD_NUMBER, canonical, 0, 0);
            case STRING -> new Wire(ValueType.STRING_FIELD_NUMBER, canonical, 0, 0);
            case JSON -> new Wire(ValueType.JSON_FIELD_NUMBER, canonical, 0, 0);
        };
    }

    /** The inferred encoding of the most common Java types, without the general conversion; null for others. */
    private static Wire common(Object value) {
        Class<?> kind = value.getClass();
        if (kind == String.class) {
            return new Wire(ValueType.STRING_FIELD_NUMBER, value, 0, 0);
        } else if (kind == Long.class) {
            return new Wire(ValueType.LONG_FIELD_NUMBER, value, 0, 0);
        } else if (kind == Integer.class) {
            return new Wire(ValueType.INT_FIELD_NUMBER, value, 0, 0);
        } else if (kind == Double.class) {
            return new Wire(ValueType.DOUBLE_FIELD_NUMBER, value, 0, 0);
        } else if (kind == Boolean.class) {
            return new Wire(ValueType.BOOL_FIELD_NUMBER, value, 0, 0);
        } else if (kind == Instant.class) {
            Instant instant = (Instant) value;
            return new Wire(
                    ValueType.UTC_DATETIME_FIELD_NUMBER,
                    null,
                    instant.getEpochSecond(),
                    instant.getNano() / 1000 * 1000);
        }
        return null;
    }

    private static Wire micros(int field, long micros) {
        return new Wire(
                field,
                null,
                Math.floorDiv(micros, MICROS_PER_SECOND),
                (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
    }

    private static Timestamp timestamp(Wire wire) {
        return Timestamp.newBuilder()
                .setSeconds(wire.seconds())
                .setNanos(wire.nanos())
                .build();
    }

    private static boolean isTimestamp(int field) {
        return field == ValueType.NAIVE_DATE_FIELD_NUMBER
                || field == ValueType.NAIVE_DATETIME_FIELD_NUMBER
                || field == ValueType.UTC_DATETIME_FIELD_NUMBER;
    }

    private static int timestampSize(Wire wire) {
        return (wire.seconds() != 0 ? CodedOutputStream.computeInt64Size(1, wire.seconds()) : 0)
                + (wire.nanos() != 0 ? CodedOutputStream.computeInt32Size(2, wire.nanos()) : 0);
    }

    /**
     * @param wire a value
     * @return the size of its {@code ValueType} message body
     */
    public static int size(Wire wire) {
        int field = wire.field();
        Object value = wire.value();
        return switch (field) {
            case ValueType.NULL_FIELD_NUMBER, ValueType.BOOL_FIELD_NUMBER ->
                CodedOutputStream.computeBoolSize(field, (Boolean) value);
            case ValueType.SHORT_FIELD_NUMBER, ValueType.INT_FIELD_NUMBER ->
                CodedOutputStream.computeInt32Size(field, (Integer) value);
            case ValueType.LONG_FIELD_NUMBER -> CodedOutputStream.computeInt64Size(field, (Long) value);
            case ValueType.FLOAT_FIELD_NUMBER -> CodedOutputStream.computeFloatSize(field, (Float) value);
            case ValueType.DOUBLE_FIELD_NUMBER -> CodedOutputStream.computeDoubleSize(field, (Double) value);
            case ValueType.BINARY_FIELD_NUMBER -> CodedOutputStream.computeByteArraySize(field, (byte[]) value);
            default ->
                isTimestamp(field)
                        ? CodedOutputStream.computeTagSize(field)
                                + CodedOutputStream.computeUInt32SizeNoTag(timestampSize(wire))
                                + timestampSize(wire)
                        : CodedOutputStream.computeStringSize(field, (String) value);
        };
    }

    /**
     * Writes the {@code ValueType} message body of a value.
     *
     * @param wire the value
     * @param out where to
     * @throws IOException from the stream
     */
    public static void writeTo(Wire wire, CodedOutputStream out) throws IOException {
        int field = wire.field();
        Object value = wire.value();
        switch (field) {
            case ValueType.NULL_FIELD_NUMBER, ValueType.BOOL_FIELD_NUMBER -> out.writeBool(field, (Boolean) value);
            case ValueType.SHORT_FIELD_NUMBER, ValueType.INT_FIELD_NUMBER -> out.writeInt32(field, (Integer) value);
            case ValueType.LONG_FIELD_NUMBER -> out.writeInt64(field, (Long) value);
            case ValueType.FLOAT_FIELD_NUMBER -> out.writeFloat(field, (Float) value);
            case ValueType.DOUBLE_FIELD_NUMBER -> out.writeDouble(field, (Double) value);
            case ValueType.BINARY_FIELD_NUMBER -> out.writeByteArray(field, (byte[]) value);
            default -> {
                if (isTimestamp(field)) {
                    out.writeTag(field, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    out.writeUInt32NoTag(timestampSize(wire));
                    if (wire.seconds() != 0) {
                        out.writeInt64(1, wire.seconds());
                    }
                    if (wire.nanos() != 0) {
                        out.writeInt32(2, wire.nanos());
                    }
                } else {
                    out.writeString(field, (String) value);
                }
            }
        }
    }
}
