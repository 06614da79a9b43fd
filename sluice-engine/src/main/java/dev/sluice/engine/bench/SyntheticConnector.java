package dev.sluice.engine.bench;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.util.List;

/**
 * A connector that upserts {@code rows} synthetic records into table {@code records} (key
 * {@code id}, other columns inferred), with a checkpoint every {@code checkpoint_every} rows.
 * It always starts from id 0, so a second sync upserts the same keys again.
 */
public final class SyntheticConnector implements Connector {

    private final long rows;
    private final long checkpointEvery;

    /**
     * @param rows how many records to emit
     * @param checkpointEvery rows between checkpoints
     */
    public SyntheticConnector(long rows, long checkpointEvery) {
        this.rows = rows;
        this.checkpointEvery = checkpointEvery;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("records").primaryKey("id").build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        for (long id = 0; id < rows; id++) {
            operations.upsert("records", SyntheticSource.record(id));
            if ((id + 1) % checkpointEvery == 0) {
                operations.checkpoint(State.empty().put("emitted", id + 1));
            }
        }
        operations.checkpoint(State.empty().put("emitted", rows));
    }
}
