package dev.sluice.engine;

import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs small in-test connectors against a real warehouse in a temporary project folder. */
final class SyncHarness {

    interface Body {
        void run(State state, Operations operations) throws Exception;
    }

    private final Path project;
    private int flushRows = SyncOptions.DEFAULT_FLUSH_ROWS;
    private NamingStrategy naming = NamingStrategy.FIVETRAN;

    SyncHarness(Path project) {
        this.project = project;
    }

    SyncHarness flushRows(int rows) {
        this.flushRows = rows;
        return this;
    }

    SyncHarness naming(NamingStrategy naming) {
        this.naming = naming;
        return this;
    }

    SyncResult sync(List<Table> schema, Body body) {
        Connector connector = new Connector() {
            @Override
            public List<Table> schema(Configuration configuration) {
                return schema;
            }

            @Override
            public void update(Configuration configuration, State state, Operations operations) throws Exception {
                body.run(state, operations);
            }
        };
        return new LocalSync(connector, SyncOptions.forProject(project).configuration(Map.of())
                .flushRows(flushRows).naming(naming).build()).run();
    }

    SyncResult sync(Body body) {
        return sync(List.of(), body);
    }

    <T> T read(Function<WarehouseReader, T> reader) {
        try (WarehouseReader warehouse = WarehouseReader.open(project.resolve("files/warehouse.db"))) {
            return reader.apply(warehouse);
        }
    }

    List<Map<String, Object>> query(String sql) {
        return read(r -> r.query(sql).rows());
    }

    Path project() {
        return project;
    }
}
