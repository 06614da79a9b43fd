package dev.sluice.protocol.drive;

import dev.sluice.engine.state.StateJson;
import dev.sluice.protocol.values.SchemaMessages;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import fivetran_sdk.v2.UpdateResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the messages of one {@code Update} stream, in order, onto the engine's
 * {@link Operations}: records as upsert, update, delete or truncate, checkpoints (whose
 * {@code state_json} must be a JSON object) as {@code checkpoint}, warnings as {@code warning}. A
 * {@code Task}, a record type or operation it does not know fails the sync; a table announced with
 * a primary key during the sync is warned about once. One instance per stream, on the engine's
 * thread; not thread-safe.
 */
final class UpdateReplay {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteConnector.class);

    private final String target;
    private final Operations operations;
    private final Set<String> warnedTables = new LinkedHashSet<>();
    private long messages;
    private long checkpoints;

    /**
     * @param target the server's address, for messages
     * @param operations where the stream goes
     */
    UpdateReplay(String target, Operations operations) {
        this.target = target;
        this.operations = operations;
    }

    /** @return how many messages were applied, or were being applied when one failed */
    long messages() {
        return messages;
    }

    /**
     * @param decoded the next message of the stream
     * @throws SyncException when the message stops the sync or cannot be applied
     */
    void apply(DecodedMessage decoded) {
        messages++;
        UpdateResponse message = decoded.message();
        switch (message.getOperationCase()) {
            case RECORDS, RECORD -> decoded.records().forEach(this::record);
            case CHECKPOINT -> checkpoint(message.getCheckpoint().getStateJson());
            case WARNING ->
                operations.warning(
                        message.getWarning().getMessage().isBlank()
                                ? "(the connector sent an empty warning)"
                                : message.getWarning().getMessage());
            case TASK ->
                throw new SyncException("The connector at " + target + " stopped the sync with a task: "
                        + message.getTask().getMessage());
            case SCHEMA_CHANGE -> schemaChange(message);
            default ->
                throw new SyncException("Message " + messages + " of the Update stream from " + target
                        + " holds an operation this protocol version does not know (field "
                        + message.getUnknownFields().asMap().keySet() + "): the server speaks a newer protocol than"
                        + " fivetran_sdk.v2 as Sluice knows it");
        }
    }

    private void record(DecodedRecord record) {
        String table = record.table();
        switch (record.type()) {
            case UPSERT -> operations.upsert(table, record.data());
            case UPDATE -> operations.update(table, record.data());
            case DELETE -> operations.delete(table, record.data());
            case TRUNCATE -> operations.truncate(table);
            default ->
                throw new SyncException("Table '" + table + "': the connector at " + target
                        + " sent a record of unknown type " + record.typeValue()
                        + ": use UPSERT, UPDATE, DELETE or TRUNCATE");
        }
    }

    private void checkpoint(String json) {
        checkpoints++;
        State state;
        try {
            state = StateJson.parse(json.isBlank() ? "{}" : json, "checkpoint");
        } catch (SyncException e) {
            String shown = json.length() > 80 ? json.substring(0, 80) + "..." : json;
            throw new SyncException(
                    "Checkpoint " + checkpoints + " from " + target + " carries a state_json"
                            + " that is not a JSON object (" + shown + "): the connector must checkpoint a JSON object;"
                            + " state stays at the last good checkpoint",
                    e);
        }
        operations.checkpoint(state);
    }

    private void schemaChange(UpdateResponse message) {
        List<fivetran_sdk.v2.Table> tables = message.getSchemaChange().hasWithSchema()
                ? message.getSchemaChange().getWithSchema().getSchemasList().stream()
                        .flatMap(s -> s.getTablesList().stream())
                        .toList()
                : message.getSchemaChange().getWithoutSchema().getTablesList();
        for (fivetran_sdk.v2.Table table : tables) {
            table.getColumnsList().forEach(column -> SchemaMessages.fromProto(table.getName(), column));
            boolean keyed = table.getColumnsList().stream().anyMatch(fivetran_sdk.v2.Column::getPrimaryKey);
            if (keyed && warnedTables.add(table.getName())) {
                LOG.warn(
                        "The connector at {} announced table '{}' with a primary key during the sync: Sluice takes"
                                + " primary keys from the Schema call only, so declare it there",
                        target,
                        table.getName());
            }
        }
    }
}
