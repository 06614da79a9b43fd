package dev.sluice.protocol.drive;

import dev.sluice.protocol.values.ValueDecoder;
import dev.sluice.sdk.SyncException;
import fivetran_sdk.v2.Record;
import fivetran_sdk.v2.UpdateResponse;
import fivetran_sdk.v2.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code Update} stream's messages from their bytes into {@link DecodedMessage}s, on
 * gRPC's executor so that the engine's thread only applies them: records messages are read
 * straight from their bytes by {@link RecordsParser}, the rest by the generated parser, and the
 * {@link SelectionFile}'s excluded tables and columns are dropped here, whatever the server sent.
 * Thread-safe.
 */
final class UpdateDecoder {

    private static final UpdateResponse RECORDS = UpdateResponse.newBuilder()
            .setRecords(fivetran_sdk.v2.Records.getDefaultInstance())
            .build();

    private final String target;
    private final SelectionFile selection;

    /**
     * @param target the server's address, for messages
     * @param selection what to leave out
     */
    UpdateDecoder(String target, SelectionFile selection) {
        this.target = target;
        this.selection = selection;
    }

    /**
     * @param bytes one message of the stream
     * @return it decoded
     * @throws SyncException when the bytes are not an {@code UpdateResponse}
     */
    DecodedMessage decode(byte[] bytes) {
        UpdateResponse message;
        try {
            List<DecodedRecord> records = RecordsParser.parse(bytes);
            if (records != null) {
                dropExcluded(records);
                return new DecodedMessage(records, RECORDS);
            }
            message = UpdateResponse.parseFrom(bytes);
        } catch (IOException e) {
            throw new SyncException(
                    "The server at " + target + " sent a message that is not a fivetran_sdk.v2" + " UpdateResponse ("
                            + e.getMessage() + "): it speaks another protocol",
                    e);
        }
        return decode(message);
    }

    private void dropExcluded(List<DecodedRecord> records) {
        if (!selection.excludedTables().isEmpty()) {
            records.removeIf(record -> !selection.includesTable(record.table()));
        }
        if (!selection.excludedColumns().isEmpty()) {
            for (DecodedRecord record : records) {
                record.data().keySet().removeIf(column -> !selection.includesColumn(record.table(), column));
            }
        }
    }

    private DecodedMessage decode(UpdateResponse message) {
        return switch (message.getOperationCase()) {
            case RECORDS -> {
                List<DecodedRecord> records =
                        new ArrayList<>(message.getRecords().getRecordsCount());
                for (Record record : message.getRecords().getRecordsList()) {
                    if (selection.includesTable(record.getTableName())) {
                        records.add(decode(record));
                    }
                }
                yield new DecodedMessage(records, message);
            }
            case RECORD ->
                new DecodedMessage(
                        selection.includesTable(message.getRecord().getTableName())
                                ? List.of(decode(message.getRecord()))
                                : List.of(),
                        message);
            default -> new DecodedMessage(null, message);
        };
    }

    private DecodedRecord decode(Record record) {
        String table = record.getTableName();
        Map<String, Object> data = new LinkedHashMap<>(record.getDataCount() * 2);
        for (Map.Entry<String, ValueType> entry : record.getDataMap().entrySet()) {
            if (selection.includesColumn(table, entry.getKey())) {
                data.put(entry.getKey(), ValueDecoder.decode(table, entry.getKey(), entry.getValue()));
            }
        }
        return new DecodedRecord(table, record.getType(), record.getTypeValue(), data);
    }
}
