package dev.sluice.protocol.values;

import com.google.protobuf.Timestamp;
import dev.sluice.sdk.SyncException;
import fivetran_sdk.v2.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Turns a {@link ValueType} back into the Java value a connector would have emitted in-process:
 * bool Boolean, short Short, int Integer, long Long, float Float, double Double, decimal
 * BigDecimal, naive_date LocalDate, naive_datetime LocalDateTime, utc_datetime Instant, binary
 * byte[], string and xml String, json {@link RawJson}. Stateless and thread-safe.
 */
public final class ValueDecoder {

    private ValueDecoder() {}

    /**
     * @param table the table, for messages
     * @param column the column, for messages
     * @param value the wire value
     * @return the Java value, null for SQL NULL
     * @throws SyncException naming the table and column for a value of a type sources may not send
     *     (naive_time) or that this protocol version does not know
     */
    public static Object decode(String table, String column, ValueType value) {
        return switch (value.getInnerCase()) {
            case NULL -> null;
            case BOOL -> value.getBool();
            case SHORT -> (short) value.getShort();
            case INT -> value.getInt();
            case LONG -> value.getLong();
            case FLOAT -> value.getFloat();
            case DOUBLE -> value.getDouble();
            case DECIMAL -> decimal(table, column, value.getDecimal());
            case NAIVE_DATE -> LocalDate.ofInstant(instant(value.getNaiveDate()), ZoneOffset.UTC);
            case NAIVE_DATETIME -> LocalDateTime.ofInstant(instant(value.getNaiveDatetime()), ZoneOffset.UTC);
            case UTC_DATETIME -> instant(value.getUtcDatetime());
            case BINARY -> value.getBinary().toByteArray();
            case STRING -> value.getString();
            case XML -> value.getXml();
            case JSON -> new RawJson(value.getJson());
            case NAIVE_TIME ->
                throw new SyncException("Table '" + table + "', column '" + column
                        + "': the connector sent a naive_time value, which source connectors may not send"
                        + " (fivetran_sdk.v2): send the time as a string instead");
            case INNER_NOT_SET ->
                throw new SyncException("Table '" + table + "', column '" + column
                        + "': the connector sent a value of a type this protocol version does not know"
                        + (value.getUnknownFields().asMap().isEmpty()
                                ? ""
                                : " (ValueType field "
                                        + value.getUnknownFields().asMap().keySet() + ")")
                        + ": send one of the fivetran_sdk.v2 value types, or null=true for NULL");
        };
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static BigDecimal decimal(String table, String column, String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new SyncException("Table '" + table + "', column '" + column + "': decimal value '" + text
                    + "' is not a number: send decimals as plain text such as 12.50");
        }
    }
}
