package dev.sluice.protocol.drive;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.sluice.protocol.values.RawJson;
import dev.sluice.protocol.values.ValueDecoder;
import dev.sluice.sdk.SyncException;
import fivetran_sdk.v2.Record;
import fivetran_sdk.v2.Records;
import fivetran_sdk.v2.UpdateResponse;
import fivetran_sdk.v2.ValueType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the records of an {@code UpdateResponse{records}} straight from its wire bytes into Java
 * rows (as {@link ValueDecoder} would decode them), without building a message object per record,
 * map entry and value: the drive side's hot path. Any other message is left to the generated
 * parser. Stateless and thread-safe.
 */
final class RecordsParser {

    private static final int RECORDS_TAG = tag(UpdateResponse.RECORDS_FIELD_NUMBER);
    private static final int RECORD_TAG = tag(Records.RECORDS_FIELD_NUMBER);

    /** Marks a value of a type sources may not send or this protocol version does not know. */
    private record BadValue(int field, ValueType value) {}

    private RecordsParser() {}

    /** @return the tag of a length-delimited field */
    private static int tag(int field) {
        return field << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    /**
     * @param bytes an {@code UpdateResponse}
     * @return its records, or null when it is not a {@code records} message (parse it with the generated parser)
     * @throws IOException when the bytes are not a valid message
     */
    static List<DecodedRecord> parse(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        if (in.readTag() != RECORDS_TAG) {
            return null;
        }
        int limit = in.pushLimit(in.readRawVarint32());
        List<DecodedRecord> records = new ArrayList<>();
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            if (tag == RECORD_TAG) {
                int recordLimit = in.pushLimit(in.readRawVarint32());
                records.add(record(in, bytes));
                in.popLimit(recordLimit);
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        in.popLimit(limit);
        return in.isAtEnd() ? records : null;
    }

    private static DecodedRecord record(CodedInputStream in, byte[] bytes) throws IOException {
        String table = "";
        int type = 0;
        Map<String, Object> data = new LinkedHashMap<>(32);
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (WireFormat.getTagFieldNumber(tag)) {
                case Record.TABLE_NAME_FIELD_NUMBER -> table = in.readStringRequireUtf8();
                case Record.TYPE_FIELD_NUMBER -> type = in.readEnum();
                case Record.DATA_FIELD_NUMBER -> {
                    int entryLimit = in.pushLimit(in.readRawVarint32());
                    entry(in, bytes, data);
                    in.popLimit(entryLimit);
                }
                default -> in.skipField(tag);
            }
        }
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            if (entry.getValue() instanceof BadValue bad) {
                ValueDecoder.decode(table, entry.getKey(), bad.value());
                throw new SyncException("Table '" + table + "', column '" + entry.getKey()
                        + "': cannot decode ValueType field " + bad.field());
            }
        }
        fivetran_sdk.v2.RecordType known = fivetran_sdk.v2.RecordType.forNumber(type);
        return new DecodedRecord(table, known == null ? fivetran_sdk.v2.RecordType.UNRECOGNIZED : known, type, data);
    }

    private static void entry(CodedInputStream in, byte[] bytes, Map<String, Object> data) throws IOException {
        String key = "";
        Object value = null;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> key = in.readStringRequireUtf8();
                case 2 -> {
                    int length = in.readRawVarint32();
                    int offset = in.getTotalBytesRead();
                    int valueLimit = in.pushLimit(length);
                    value = value(in, bytes, offset, length);
                    in.popLimit(valueLimit);
                }
                default -> in.skipField(tag);
            }
        }
        data.put(key, value);
    }

    /**
     * Reads one ValueType up to the stream's current limit, and leaves the stream there; the
     * ValueType lies at {@code offset} of {@code bytes}, to parse it whole should it be bad.
     */
    private static Object value(CodedInputStream in, byte[] bytes, int offset, int length) throws IOException {
        Object value = null;
        int field = 0;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            field = WireFormat.getTagFieldNumber(tag);
            value = switch (field) {
                case ValueType.NULL_FIELD_NUMBER -> {
                    in.readBool();
                    yield null;
                }
                case ValueType.BOOL_FIELD_NUMBER -> in.readBool();
                case ValueType.SHORT_FIELD_NUMBER -> (short) in.readInt32();
                case ValueType.INT_FIELD_NUMBER -> in.readInt32();
                case ValueType.LONG_FIELD_NUMBER -> in.readInt64();
                case ValueType.FLOAT_FIELD_NUMBER -> in.readFloat();
                case ValueType.DOUBLE_FIELD_NUMBER -> in.readDouble();
                case ValueType.NAIVE_DATE_FIELD_NUMBER -> LocalDate.ofInstant(timestamp(in), ZoneOffset.UTC);
                case ValueType.NAIVE_DATETIME_FIELD_NUMBER -> LocalDateTime.ofInstant(timestamp(in), ZoneOffset.UTC);
                case ValueType.UTC_DATETIME_FIELD_NUMBER -> timestamp(in);
                case ValueType.DECIMAL_FIELD_NUMBER -> decimalOrBad(in.readStringRequireUtf8(), bytes, offset, length);
                case ValueType.BINARY_FIELD_NUMBER -> in.readByteArray();
                case ValueType.STRING_FIELD_NUMBER -> in.readStringRequireUtf8();
                case ValueType.JSON_FIELD_NUMBER -> new RawJson(in.readStringRequireUtf8());
                case ValueType.XML_FIELD_NUMBER -> in.readStringRequireUtf8();
                default -> {
                    in.skipField(tag);
                    yield new BadValue(field, ValueType.parser().parseFrom(bytes, offset, length));
                }
            };
            if (value instanceof BadValue) {
                in.skipRawBytes(in.getBytesUntilLimit());
                return value;
            }
        }
        return field == 0 ? new BadValue(0, ValueType.getDefaultInstance()) : value;
    }

    private static Object decimalOrBad(String text, byte[] bytes, int offset, int length) throws IOException {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return new BadValue(
                    ValueType.DECIMAL_FIELD_NUMBER, ValueType.parser().parseFrom(bytes, offset, length));
        }
    }

    private static Instant timestamp(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        long seconds = 0;
        int nanos = 0;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> seconds = in.readInt64();
                case 2 -> nanos = in.readInt32();
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
