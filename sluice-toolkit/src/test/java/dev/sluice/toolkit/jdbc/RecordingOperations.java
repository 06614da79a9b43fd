package dev.sluice.toolkit.jdbc;

import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A fake destination that records upserts and checkpointed states. */
final class RecordingOperations implements Operations {

    final List<Map<String, Object>> upserts = new ArrayList<>();
    final Set<String> tables = new LinkedHashSet<>();
    final List<State> checkpoints = new ArrayList<>();

    @Override
    public void upsert(String table, Map<String, ?> row) {
        tables.add(table);
        upserts.add(new LinkedHashMap<>(row));
    }

    @Override
    public void upsert(String table, Record row) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void update(String table, Map<String, ?> modified) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String table, Map<String, ?> keys) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void truncate(String table) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void checkpoint(State state) {
        checkpoints.add(state.copy());
    }

    @Override
    public void warning(String message) {}
}
