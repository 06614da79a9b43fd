package dev.sluice.protocol.serve;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.sluice.protocol.values.ValueEncoder;
import fivetran_sdk.v2.Record;
import fivetran_sdk.v2.Records;
import fivetran_sdk.v2.UpdateResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes {@code Record}s and {@code UpdateResponse{records}} messages straight to their wire bytes,
 * the bytes the generated classes would write (fields in number order, map entries in the row's
 * order), without building a message object per record and per value: the serve side's hot path.
 */
final class RecordBytes {

    private RecordBytes() {}

    /**
     * @param table the table
     * @param type the {@code RecordType} number
     * @param columns the columns, in order
     * @param values their values, in the same order
     * @return the {@code Record} message's bytes
     */
    static byte[] record(String table, int type, List<String> columns, List<ValueEncoder.Wire> values) {
        int count = columns.size();
        int[] valueSizes = new int[count];
        int[] entrySizes = new int[count];
        int size = table.isEmpty() ? 0 : CodedOutputStream.computeStringSize(Record.TABLE_NAME_FIELD_NUMBER, table);
        if (type != 0) {
            size += CodedOutputStream.computeEnumSize(Record.TYPE_FIELD_NUMBER, type);
        }
        for (int i = 0; i < count; i++) {
            valueSizes[i] = ValueEncoder.size(values.get(i));
            entrySizes[i] = CodedOutputStream.computeStringSize(1, columns.get(i))
                    + CodedOutputStream.computeTagSize(2)
                    + CodedOutputStream.computeUInt32SizeNoTag(valueSizes[i])
                    + valueSizes[i];
            size += CodedOutputStream.computeTagSize(Record.DATA_FIELD_NUMBER)
                    + CodedOutputStream.computeUInt32SizeNoTag(entrySizes[i])
                    + entrySizes[i];
        }
        byte[] bytes = new byte[size];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            if (!table.isEmpty()) {
                out.writeString(Record.TABLE_NAME_FIELD_NUMBER, table);
            }
            if (type != 0) {
                out.writeEnum(Record.TYPE_FIELD_NUMBER, type);
            }
            for (int i = 0; i < count; i++) {
                out.writeTag(Record.DATA_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(entrySizes[i]);
                out.writeString(1, columns.get(i));
                out.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(valueSizes[i]);
                ValueEncoder.writeTo(values.get(i), out);
            }
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    /**
     * @param records encoded records
     * @return the bytes of an {@code UpdateResponse} whose {@code records} holds them, in order
     */
    static byte[] response(List<byte[]> records) {
        int body = 0;
        for (byte[] record : records) {
            body += CodedOutputStream.computeTagSize(Records.RECORDS_FIELD_NUMBER)
                    + CodedOutputStream.computeUInt32SizeNoTag(record.length)
                    + record.length;
        }
        byte[] bytes = new byte
                [CodedOutputStream.computeTagSize(UpdateResponse.RECORDS_FIELD_NUMBER)
                        + CodedOutputStream.computeUInt32SizeNoTag(body)
                        + body];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            out.writeTag(UpdateResponse.RECORDS_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(body);
            for (byte[] record : records) {
                out.writeByteArray(Records.RECORDS_FIELD_NUMBER, record);
            }
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }
}
