package dev.sluice.engine;

import dev.sluice.engine.core.SchemaManager;
import dev.sluice.engine.core.StartState;
import dev.sluice.engine.core.WarehouseOperations;
import dev.sluice.engine.duckdb.Warehouse;
import dev.sluice.engine.input.ConfigurationLoader;
import dev.sluice.engine.schema.Naming;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sync of a connector into the project's local DuckDB warehouse: reads the
 * configuration, resumes from the saved state, calls {@code schema()} then {@code update()},
 * applies every operation with Fivetran's semantics and saves state at each checkpoint.
 *
 * <p>One instance runs one sync. {@link #metrics()} may be read from other threads while
 * {@link #run()} works.
 */
public final class LocalSync {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSync.class);
    /**
     * Warehouse files synced right now in this JVM. DuckDB lets a second connection in the same
     * process open a file it has open already, so two syncs of one project would both write into it
     * (and race on state.json) without this.
     */
    private static final Set<Path> RUNNING = ConcurrentHashMap.newKeySet();

    private final Connector connector;
    private final SyncOptions options;
    private final SyncMetrics metrics = new SyncMetrics();

    /**
     * @param connector the connector to run
     * @param options where and how
     */
    public LocalSync(Connector connector, SyncOptions options) {
        this.connector = connector;
        this.options = options;
    }

    /** @return the live counters */
    public SyncMetrics metrics() {
        return metrics;
    }

    /**
     * Runs the sync. Failures (bad input, a connector exception, a warehouse error) do not throw:
     * they end the sync with a failed result whose message says what is wrong; state stays at the
     * last checkpoint and the warehouse holds the data of that checkpoint, plus whatever the engine
     * committed without state after it when the connector wrote more than
     * {@link SyncOptions#commitRows()} operations without a checkpoint (the next sync writes those
     * operations again and ends with the same tables).
     *
     * @return how the sync ended
     */
    public SyncResult run() {
        long start = System.nanoTime();
        State state = State.empty();
        WarehouseOperations operations = null;
        Warehouse warehouse = null;
        String phase = "setup";
        Path warehouseFile = options.warehouseFile().toAbsolutePath().normalize();
        boolean claimed = false;
        try {
            Configuration configuration = options.configuration() != null
                    ? ConfigurationLoader.of(options.configuration())
                    : ConfigurationLoader.load(options.configurationFile());
            claimed = RUNNING.add(warehouseFile);
            if (!claimed) {
                throw new SyncException(warehouseFile + " is in use by another sync in this process (PID "
                        + ProcessHandle.current().pid() + "): wait for it to finish and try again");
            }
            warehouse = Warehouse.open(options.warehouseFile(), options.memoryLimit());
            LOG.info("warehouse: {} (schema={})", options.warehouseFile(), Warehouse.SCHEMA);
            StartState startState = StartState.resolve(warehouse, options.stateFile(), options.stateOverride());
            state = startState.state();
            LOG.info("previous state: {}", state.asMap());
            SchemaManager schema = new SchemaManager(new Naming(options.naming()), metrics, warehouse.loadTables());
            warehouse.begin();
            operations = new WarehouseOperations(warehouse, schema, metrics, options.stateFile(), state,
                    startState.json(), options.flushRows(), options.commitRows(), options.checkpointObserver());
            phase = "schema()";
            List<Table> tables = connector.schema(configuration);
            WarehouseOperations ops = operations;
            operations.onWriterThread(() -> schema.declare(tables == null ? List.of() : tables, ops::writerFor));
            phase = "update()";
            connector.update(configuration, state.copy(), operations);
            phase = "the final commit";
            operations.finish();
            return new SyncResult(true, null, null, metrics, Duration.ofNanos(System.nanoTime() - start),
                    operations.savedState(), operations.warnings());
        } catch (Exception | Error e) {
            if (operations != null) {
                operations.abort();
            }
            if (warehouse != null) {
                warehouse.rollbackQuietly();
            }
            String message = describe(phase, e);
            LOG.debug("sync failed", e);
            return new SyncResult(false, message, e, metrics, Duration.ofNanos(System.nanoTime() - start),
                    operations != null ? operations.savedState() : state,
                    operations != null ? operations.warnings() : List.of());
        } finally {
            if (operations != null) {
                operations.close();
            }
            if (warehouse != null) {
                warehouse.close();
            }
            if (claimed) {
                RUNNING.remove(warehouseFile);
            }
        }
    }

    private static String describe(String phase, Throwable e) {
        if (e instanceof SyncException) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return phase + " failed: " + e.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
