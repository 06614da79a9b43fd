package dev.sluice.engine.runtime;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.SyncListener;
import dev.sluice.engine.SyncMetrics;
import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.destination.DestinationFactory;
import dev.sluice.engine.destination.duckdb.DuckDbDestination;
import dev.sluice.engine.destination.duckdb.DuckDbInstances;
import dev.sluice.engine.destination.postgres.PostgresDestination;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.SyncException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs syncs: the part the CLI, the test kit and a server share. Each sync runs on a thread of its
 * own, with a {@link SyncHandle} to cancel it or wait for it, an optional deadline
 * ({@link SyncOptions#deadline()}), its id in the {@value #SYNC_ID} MDC entry of every log line it
 * writes (the connector's included), and progress told to a {@link SyncListener}. Syncs into one
 * DuckDB file share one database instance, and all instances share one memory budget; two syncs of
 * the same schema of one destination at once are refused. Thread-safe.
 */
public final class SyncRuntime implements AutoCloseable {

    /** The MDC key holding a sync's id. */
    public static final String SYNC_ID = "sync_id";

    private static final Logger LOG = LoggerFactory.getLogger(SyncRuntime.class);
    private static final long PROGRESS_MILLIS = 500;
    private static volatile SyncRuntime shared;

    private final DuckDbInstances duckDb;
    private final ScheduledExecutorService timer;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** @param duckDbMemoryBudget DuckDB memory for all of this runtime's syncs together, e.g. {@code 320MB} */
    public SyncRuntime(String duckDbMemoryBudget) {
        this.duckDb = new DuckDbInstances(duckDbMemoryBudget);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sluice-sync-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @return the process's runtime, with DuckDB's default budget
     *     ({@value DuckDbInstances#MEMORY_LIMIT_VARIABLE} or 320MB), created on first use
     */
    public static SyncRuntime shared() {
        SyncRuntime runtime = shared;
        if (runtime == null) {
            synchronized (SyncRuntime.class) {
                runtime = shared;
                if (runtime == null) {
                    runtime = new SyncRuntime(DuckDbInstances.DEFAULT_MEMORY_LIMIT);
                    shared = runtime;
                }
            }
        }
        return runtime;
    }

    /** @return the DuckDB memory budget of this runtime's syncs */
    public String duckDbMemoryBudget() {
        return duckDb.budget();
    }

    /**
     * Runs a sync on the calling thread's behalf and waits for it (an interrupt cancels it).
     *
     * @param connector the connector
     * @param options where and how
     * @return how it ended; failures are results, never exceptions
     */
    public SyncResult run(Connector connector, SyncOptions options) {
        return start(connector, options, SyncListener.NONE).await();
    }

    /**
     * Starts a sync on a new thread, which inherits the calling thread's context class loader.
     *
     * @param connector the connector
     * @param options where and how
     * @param listener told of the sync's progress and end
     * @return the running sync
     */
    public SyncHandle start(Connector connector, SyncOptions options, SyncListener listener) {
        String id = newId();
        String claim = options.destination() == null
                ? claimOf(options.destinationConfig())
                : options.stateStore().describe();
        SyncExecution execution = new SyncExecution(connector, options, destinations(options, claim));
        SyncHandle handle = new SyncHandle(id, execution);
        Thread thread = new Thread(() -> execute(handle, execution, listener), "sluice-sync-" + id);
        handle.runOn(thread);
        thread.start();
        return handle;
    }

    private void execute(SyncHandle handle, SyncExecution execution, SyncListener listener) {
        MDC.put(SYNC_ID, handle.id());
        ScheduledFuture<?> progress = timer.scheduleAtFixedRate(
                () -> tell(listener, execution.metrics()), PROGRESS_MILLIS, PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
        Duration deadline = execution.deadline();
        ScheduledFuture<?> timeLimit = deadline == null
                ? null
                : timer.schedule(
                        () -> handle.cancel("the sync passed its time limit of " + describe(deadline)),
                        deadline.toMillis(),
                        TimeUnit.MILLISECONDS);
        SyncResult result = null;
        try {
            safely(() -> listener.started(handle.id()));
            result = execution.run();
        } finally {
            progress.cancel(false);
            if (timeLimit != null) {
                timeLimit.cancel(false);
            }
            if (result != null) {
                SyncResult ended = result;
                safely(() -> listener.finished(ended));
            }
            handle.complete(result);
            MDC.clear();
        }
    }

    private DestinationFactory destinations(SyncOptions options, String claim) {
        DestinationFactory open = options.destination() != null ? options.destination() : open(options);
        return () -> {
            if (!running.add(claim)) {
                throw new SyncException(claim
                        + " is in use by another sync in this process (PID "
                        + ProcessHandle.current().pid()
                        + "): wait for it to finish and try again");
            }
            try {
                return new ClaimedDestination(open.open(), () -> running.remove(claim));
            } catch (RuntimeException e) {
                running.remove(claim);
                throw e;
            }
        };
    }

    private DestinationFactory open(SyncOptions options) {
        DestinationConfig config = options.destinationConfig();
        if (config instanceof DestinationConfig.Postgres postgres) {
            return () -> PostgresDestination.open(postgres, options.flushRows(), options.commitRows());
        }
        DestinationConfig.DuckDb file = (DestinationConfig.DuckDb) config;
        return () ->
                DuckDbDestination.open(duckDb, file.file(), file.schema(), options.flushRows(), options.commitRows());
    }

    private static String claimOf(DestinationConfig config) {
        return config instanceof DestinationConfig.DuckDb file
                ? file.file().toAbsolutePath().normalize() + " (schema " + file.schema() + ")"
                : config.describe();
    }

    private static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private void tell(SyncListener listener, SyncMetrics metrics) {
        safely(() -> listener.progress(metrics));
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a sync listener failed: {}", e.toString());
        }
    }

    private static String newId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL | 0x10000000000L)
                .substring(1);
    }

    /** Stops the timer thread. Syncs still running go on without progress reports. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
