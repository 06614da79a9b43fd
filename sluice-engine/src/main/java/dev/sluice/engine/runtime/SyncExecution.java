package dev.sluice.engine.runtime;

import dev.sluice.engine.SyncCancelledException;
import dev.sluice.engine.SyncMetrics;
import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.config.ConfigurationLoader;
import dev.sluice.engine.core.EngineOperations;
import dev.sluice.engine.core.SchemaManager;
import dev.sluice.engine.core.StartState;
import dev.sluice.engine.destination.Destination;
import dev.sluice.engine.destination.DestinationFactory;
import dev.sluice.engine.naming.Naming;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync, on the calling thread: reads the configuration (with the defaults of the connector's
 * form for the keys it leaves out), resumes from the saved state, calls
 * {@code schema()} then {@code update()}, applies every operation through the engine and saves state
 * at each checkpoint. Failures never throw: they end the sync with a failed result.
 */
final class SyncExecution {

    private static final Logger LOG = LoggerFactory.getLogger(SyncExecution.class);

    private final Connector connector;
    private final SyncOptions options;
    private final DestinationFactory destinations;
    private final SyncMetrics metrics = new SyncMetrics();
    private volatile EngineOperations operations;
    private volatile String cancelReason;

    SyncExecution(Connector connector, SyncOptions options, DestinationFactory destinations) {
        this.connector = connector;
        this.options = options;
        this.destinations = destinations;
    }

    Duration deadline() {
        return options.deadline();
    }

    SyncMetrics metrics() {
        return metrics;
    }

    /**
     * Makes the sync stop at its connector's next operation. Thread-safe.
     *
     * @param reason why, for the user
     */
    void cancel(String reason) {
        if (cancelReason == null) {
            cancelReason = reason;
        }
        EngineOperations running = operations;
        if (running != null) {
            running.cancel(reason);
        }
    }

    /**
     * Runs the sync. The state stays at the last checkpoint after a failure, and the destination
     * holds the data of that checkpoint, plus whatever the engine committed without state after it
     * when the connector wrote more than {@link SyncOptions#commitRows()} operations without a
     * checkpoint (the next sync writes those again and ends with the same tables).
     *
     * @return how the sync ended
     */
    SyncResult run() {
        long start = System.nanoTime();
        State state = State.empty();
        EngineOperations ops = null;
        Destination destination = null;
        String phase = "setup";
        try {
            Configuration given = options.configuration() != null
                    ? ConfigurationLoader.of(options.configuration())
                    : ConfigurationLoader.load(options.configurationFile());
            phase = "configurationForm()";
            Configuration configuration = connector.configurationForm().withDefaults(given);
            phase = "setup";
            destination = destinations.open();
            LOG.info("destination: {}", destination.describe());
            StartState startState =
                    StartState.resolve(destination.storedState(), options.stateStore(), options.stateOverride());
            state = startState.state();
            LOG.info("previous state: {}", state.asMap());
            Map<String, TableModel> existing = destination.loadTables();
            NamingRecord.check(destination, options.naming(), existing.isEmpty());
            SchemaManager schema = new SchemaManager(new Naming(options.naming()), metrics, existing);
            ops = new EngineOperations(
                    destination,
                    schema,
                    metrics,
                    options.stateStore(),
                    state,
                    startState.json(),
                    options.flushRows(),
                    options.commitRows(),
                    options.checkpointObserver());
            operations = ops;
            if (cancelReason != null) {
                ops.cancel(cancelReason);
            }
            phase = "schema()";
            List<Table> tables = connector.schema(configuration);
            EngineOperations declaring = ops;
            ops.onWriterThread(() -> schema.declare(tables == null ? List.of() : tables, declaring::writerFor));
            phase = "update()";
            connector.update(configuration, state.copy(), ops);
            phase = "the final commit";
            ops.finish();
            return new SyncResult(true, null, null, metrics, elapsed(start), ops.savedState(), ops.warnings());
        } catch (Exception | Error e) {
            if (ops != null) {
                ops.abort();
            }
            if (destination != null) {
                destination.rollback();
            }
            Throwable failure = cancelReason != null && !(e instanceof SyncCancelledException)
                    ? new SyncCancelledException(cancelReason)
                    : e;
            if (failure != e) {
                failure.addSuppressed(e);
            }
            LOG.debug("sync failed", e);
            return new SyncResult(
                    false,
                    describe(phase, failure),
                    failure,
                    metrics,
                    elapsed(start),
                    ops != null ? ops.savedState() : state,
                    ops != null ? ops.warnings() : List.of());
        } finally {
            if (ops != null) {
                ops.close();
            }
            if (destination != null) {
                destination.close();
            }
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String describe(String phase, Throwable e) {
        if (e instanceof SyncException) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return phase + " failed: " + e.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
