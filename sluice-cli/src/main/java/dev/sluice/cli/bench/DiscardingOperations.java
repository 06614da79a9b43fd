package dev.sluice.cli.bench;

import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import java.util.Map;

/** Operations that go nowhere: they measure a connector's HTTP and JSON work without the engine and DuckDB. */
final class DiscardingOperations implements Operations {

    @Override
    public void upsert(String table, Map<String, ?> row) {}

    @Override
    public void upsert(String table, Record row) {}

    @Override
    public void update(String table, Map<String, ?> modified) {}

    @Override
    public void delete(String table, Map<String, ?> keys) {}

    @Override
    public void truncate(String table) {}

    @Override
    public void checkpoint(State state) {}

    @Override
    public void warning(String message) {}
}
