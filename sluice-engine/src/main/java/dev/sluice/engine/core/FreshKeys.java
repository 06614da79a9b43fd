package dev.sluice.engine.core;

import dev.sluice.engine.destination.RowOperation;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.engine.schema.WrittenKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, on the thread that makes a table's operations and in their order, which upserts into a
 * table this sync created may be appended straight into it ({@link RowOperation#APPEND}): those whose
 * key the sync has not written before, while no update or delete of the table waits since the last
 * checkpoint (so that none can apply to a row that came after it). Every upsert's key is
 * remembered; past a budget of keys (about 134 MB at the default) the set is dropped and all later
 * upserts are staged, which bounds memory. Not thread-safe.
 */
public final class FreshKeys {

    /** Keys remembered per table at most by default. */
    public static final long DEFAULT_MAX_KEYS = 12_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(FreshKeys.class);

    private final TableModel table;
    private final long maxKeys;
    private WrittenKeys keys = new WrittenKeys();
    private int[] keyPositions;
    private boolean otherOperationsWaiting;

    /**
     * @param table the table, created by this sync
     * @param maxKeys keys to remember at most
     */
    public FreshKeys(TableModel table, long maxKeys) {
        this.table = table;
        this.maxKeys = maxKeys;
    }

    /**
     * Records an upsert and classifies it.
     *
     * @param values the row's canonical values by column position, keys included
     * @return {@link RowOperation#APPEND} when the row may go straight into the table, else {@link RowOperation#UPSERT}
     */
    public RowOperation upsert(Object[] values) {
        if (keys == null) {
            return RowOperation.UPSERT;
        }
        boolean added = keys.add(WrittenKeys.keyOf(values, keyPositions()));
        if (keys.size() >= maxKeys) {
            keys = null;
            LOG.info(
                    "table {}: {} keys written in this sync; later upserts go through the staging table, which bounds"
                            + " memory but is slower",
                    table.name(),
                    maxKeys);
        }
        return added && !otherOperationsWaiting ? RowOperation.APPEND : RowOperation.UPSERT;
    }

    /** Records that an update or delete of the table was staged. */
    public void otherOperation() {
        otherOperationsWaiting = true;
    }

    /** Records a checkpoint: everything staged before it was applied. */
    public void checkpointed() {
        otherOperationsWaiting = false;
    }

    private int[] keyPositions() {
        if (keyPositions == null) {
            keyPositions = table.keyPositions();
        }
        return keyPositions;
    }
}
