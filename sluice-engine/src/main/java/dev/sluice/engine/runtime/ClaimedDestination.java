package dev.sluice.engine.runtime;

import dev.sluice.engine.destination.CheckpointState;
import dev.sluice.engine.destination.Destination;
import dev.sluice.engine.destination.StoredState;
import dev.sluice.engine.destination.TableWriter;
import dev.sluice.engine.destination.WriteLimits;
import dev.sluice.engine.schema.TableModel;
import java.util.Collection;
import java.util.Map;

/** A destination held by one sync of a {@link SyncRuntime}, released for the next one when it closes. */
final class ClaimedDestination implements Destination {

    private final Destination destination;
    private final Runnable release;
    private boolean closed;

    ClaimedDestination(Destination destination, Runnable release) {
        this.destination = destination;
        this.release = release;
    }

    @Override
    public String describe() {
        return destination.describe();
    }

    @Override
    public String schema() {
        return destination.schema();
    }

    @Override
    public Map<String, TableModel> loadTables() {
        return destination.loadTables();
    }

    @Override
    public StoredState storedState() {
        return destination.storedState();
    }

    @Override
    public String recordedNaming() {
        return destination.recordedNaming();
    }

    @Override
    public void recordNaming(String naming) {
        destination.recordNaming(naming);
    }

    @Override
    public TableWriter writer(TableModel table) {
        return destination.writer(table);
    }

    @Override
    public WriteLimits limits() {
        return destination.limits();
    }

    @Override
    public void commit(CheckpointState checkpoint) {
        destination.commit(checkpoint);
    }

    @Override
    public void finish(Collection<TableModel> tables) {
        destination.finish(tables);
    }

    @Override
    public void rollback() {
        destination.rollback();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                destination.close();
            } finally {
                release.run();
            }
        }
    }
}
