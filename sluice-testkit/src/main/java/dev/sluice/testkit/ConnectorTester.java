package dev.sluice.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.CheckpointObserver;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.ProjectLayout;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.naming.NamingStrategy;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a connector in a JUnit test exactly as {@code sluice debug} runs it, into a local DuckDB
 * warehouse, and reads what landed:
 *
 * <pre>{@code
 * try (ConnectorTester tester = ConnectorTester.of(new MyConnector()).configuration(Map.of("api_key", "x"))) {
 *     tester.sync().assertSucceeded();
 *     assertThat(tester.rows("orders")).hasSize(3);
 *     tester.sync().assertSucceeded();               // resumes from the saved state
 *     tester.assertResumesFromEveryCheckpoint();
 * }
 * }</pre>
 *
 * <p>Every sync of a tester works in one project folder: {@code files/warehouse.db} holds the
 * tables (schema {@code tester}) and {@code files/state.json} the state, so each sync resumes
 * from the last checkpoint of the one before. The folder is a fresh temporary one, deleted by
 * {@link #close()}, unless {@link #projectDir(Path)} names one (such as a JUnit {@code @TempDir}).
 *
 * <p>Tables are named as in the destination ({@code order_items} for a source table
 * {@code orderItems} under the default Fivetran naming). Values are plain Java values: BOOLEAN as
 * Boolean; SHORT, INT, LONG as Short, Integer, Long; DECIMAL as BigDecimal; FLOAT, DOUBLE as
 * Float, Double; NAIVE_DATE as LocalDate; NAIVE_DATETIME as LocalDateTime; UTC_DATETIME (and
 * {@code _fivetran_synced}) as Instant; BINARY as byte[]; STRING, XML and JSON as String.
 *
 * <p>Not thread-safe: use one tester per test.
 */
public final class ConnectorTester implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<? extends Connector> connectors;
    private TesterSyncOptions settings = TesterSyncOptions.defaults();
    private Path projectDir;
    private boolean ownsProjectDir;
    private int syncs;
    private SyncOutcome lastRun;

    private ConnectorTester(Supplier<? extends Connector> connectors) {
        this.connectors = connectors;
    }

    /**
     * @param connector the connector; every sync, including those of the resume check, calls
     *     this one instance
     * @return a tester with an empty configuration and a temporary project folder
     */
    public static ConnectorTester of(Connector connector) {
        Objects.requireNonNull(connector, "connector");
        return new ConnectorTester(() -> connector);
    }

    /**
     * @param factory makes a new connector for each sync, as the engine does in production (use
     *     it when the connector keeps anything in fields): {@code ConnectorTester.of(MyConnector::new)}
     * @return a tester with an empty configuration and a temporary project folder
     */
    public static ConnectorTester of(Supplier<? extends Connector> factory) {
        Objects.requireNonNull(factory, "factory");
        return new ConnectorTester(() -> Objects.requireNonNull(factory.get(), "the connector factory returned null"));
    }

    /**
     * @param values the configuration every later sync gets, as {@code configuration.json} would
     *     give it; replaces an earlier configuration or configuration file
     * @return this tester
     */
    public ConnectorTester configuration(Map<String, String> values) {
        settings = settings.withConfiguration(Objects.requireNonNull(values, "values"));
        return this;
    }

    /**
     * @param file a {@code configuration.json} to read at every later sync; a relative path is
     *     resolved against the working directory (in a Maven test, the module folder, so
     *     {@code Path.of("configuration.json")} is the project's own); replaces an earlier
     *     configuration
     * @return this tester
     */
    public ConnectorTester configurationFile(Path file) {
        settings = settings.withConfigurationFile(Objects.requireNonNull(file, "file"));
        return this;
    }

    /**
     * @param naming how source names become destination names; Fivetran's snake_case by default
     * @return this tester
     */
    public ConnectorTester naming(NamingStrategy naming) {
        settings = settings.withNaming(Objects.requireNonNull(naming, "naming"));
        return this;
    }

    /**
     * Syncs into another destination than the project's DuckDB file, e.g. a PostgreSQL database; the
     * reading methods then read it. The resume check judges the connector, not the destination: it
     * syncs its throw-away projects into their own DuckDB files whatever this says.
     *
     * @param destination the destination and schema, e.g. {@code new DestinationConfig.Postgres(host,
     *     port, "analytics", user, password, "tester")}
     * @return this tester
     */
    public ConnectorTester destination(DestinationConfig destination) {
        settings = settings.withDestination(Objects.requireNonNull(destination, "destination"));
        return this;
    }

    /**
     * @param rows buffered operations that make the engine flush into the warehouse; a small
     *     number exercises flushes between checkpoints in a small test
     * @return this tester
     */
    public ConnectorTester flushRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("flushRows must be at least 1, not " + rows);
        }
        settings = settings.withFlushRows(rows);
        return this;
    }

    /**
     * @param dir the project folder to sync in, kept after {@link #close()}; an existing
     *     {@code files/} folder in it is resumed from
     * @return this tester
     * @throws IllegalStateException once a sync has run
     */
    public ConnectorTester projectDir(Path dir) {
        if (syncs > 0) {
            throw new IllegalStateException("Set the project folder before the first sync");
        }
        deleteOwnedProject();
        projectDir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        ownsProjectDir = false;
        return this;
    }

    /** @return the project folder, created on first use when none was given */
    public Path projectDir() {
        if (projectDir == null) {
            projectDir = ProjectFiles.createTempDirectory("sluice-test-");
            ownsProjectDir = true;
        }
        return projectDir;
    }

    /** @return the warehouse file, {@code <project>/files/warehouse.db} */
    public Path warehouseFile() {
        return WarehouseView.warehouseFile(projectDir());
    }

    /**
     * Runs one sync from the saved state (an empty state on the first sync).
     *
     * @return how it ended; a failed sync is returned, not thrown
     */
    public SyncOutcome sync() {
        return run(null);
    }

    /**
     * Runs one sync and stops it right after its checkpoint number {@code checkpoint}, as a crash
     * would: the warehouse and state stay those of that checkpoint. The next {@link #sync()}
     * resumes from there.
     *
     * @param checkpoint the checkpoint to stop after, from 1
     * @return the sync, failed if it reached that checkpoint
     */
    public SyncOutcome syncStoppingAfterCheckpoint(int checkpoint) {
        if (checkpoint < 1) {
            throw new IllegalArgumentException("Checkpoints are numbered from 1, not " + checkpoint);
        }
        return run((number, state) -> {
            if (number == checkpoint) {
                throw new SimulatedCrash(number);
            }
        });
    }

    /**
     * Runs one sync and calls {@code action} right after its checkpoint number {@code checkpoint},
     * then lets the sync go on: use it to change the source in the middle of a sync, e.g.
     * {@code tester.syncCallingAfterCheckpoint(1, () -> source.addUsers(5))}.
     *
     * <p>The action runs once, on the thread that called {@code Operations.checkpoint} (the
     * connector's), inside that call: the connector waits until the action returns. By then the
     * checkpoint is durable: its rows are committed to the warehouse and its state is saved to
     * {@code files/state.json}. The tester's tables cannot be read from inside the action (the
     * sync holds the warehouse open): read them once the sync has returned.
     *
     * <p>An exception thrown by the action comes out of the connector's {@code checkpoint} call
     * and, unless the connector catches it, fails the sync exactly as an exception of the connector
     * would: the failed sync is returned with the action's exception as {@link SyncOutcome#failure()}
     * (its message as {@link SyncOutcome#failureMessage()} for a {@code SyncException}, else after
     * {@code "update() failed: <exception class>: "}), and the warehouse and state stay those of
     * checkpoint {@code checkpoint}.
     *
     * @param checkpoint the checkpoint to act after, from 1
     * @param action what to do there
     * @return how the sync ended; a sync that failed before reaching that checkpoint is returned
     *     without the action having run
     * @throws IllegalArgumentException when {@code checkpoint} is less than 1
     * @throws AssertionError when the sync succeeded with fewer than {@code checkpoint}
     *     checkpoints, so the action never ran (the run is still {@link #lastSync()})
     */
    public SyncOutcome syncCallingAfterCheckpoint(int checkpoint, Runnable action) {
        if (checkpoint < 1) {
            throw new IllegalArgumentException("Checkpoints are numbered from 1, not " + checkpoint);
        }
        Objects.requireNonNull(action, "action");
        SyncOutcome run = run((number, state) -> {
            if (number == checkpoint) {
                action.run();
            }
        });
        if (run.succeeded() && run.checkpoints() < checkpoint) {
            throw new AssertionError("Sync " + run.number() + " succeeded after " + run.checkpoints()
                    + " checkpoints, so the action for checkpoint " + checkpoint + " never ran: "
                    + (run.checkpoints() == 0
                            ? "the connector must call checkpoint"
                            : "pick a checkpoint from 1 to " + run.checkpoints()));
        }
        return run;
    }

    private SyncOutcome run(CheckpointObserver observer) {
        SyncResult result = SyncRuntime.shared().run(connectors.get(), settings.options(projectDir(), observer));
        lastRun = new SyncOutcome(++syncs, result);
        return lastRun;
    }

    /** @return the last sync run, or null before the first */
    public SyncOutcome lastSync() {
        return lastRun;
    }

    /**
     * @return the state the next sync starts from: the last checkpoint's; empty before any
     *     checkpoint
     */
    public State state() {
        if (lastRun != null) {
            return lastRun.state().copy();
        }
        Path file = ProjectLayout.of(projectDir()).stateFile();
        if (!Files.isRegularFile(file)) {
            return State.empty();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = JSON.readValue(file.toFile(), Map.class);
            return State.of(values);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the state " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the destination tables, sorted by name
     * @throws IllegalStateException before the first sync
     */
    public List<String> tables() {
        try (WarehouseView view = WarehouseView.open(settings.destinationFor(projectDir()))) {
            return view.tables();
        }
    }

    /**
     * @param table a destination table
     * @return its column names in table order, system columns included
     * @throws AssertionError when there is no such table
     */
    public List<String> columns(String table) {
        try (WarehouseView view = WarehouseView.open(settings.destinationFor(projectDir()))) {
            view.requireTable(table);
            return new ArrayList<>(view.columnTypes(table).keySet());
        }
    }

    /**
     * @param table a destination table
     * @return column name to SQL type ({@code BIGINT}, {@code DECIMAL(12,2)}, {@code TIMESTAMP
     *     WITH TIME ZONE}, ...), in table order
     * @throws AssertionError when there is no such table
     */
    public Map<String, String> columnTypes(String table) {
        try (WarehouseView view = WarehouseView.open(settings.destinationFor(projectDir()))) {
            view.requireTable(table);
            return view.columnTypes(table);
        }
    }

    /**
     * @param table a destination table
     * @return every row, soft-deleted ones included, each a column-to-value map in table order,
     *     the rows sorted by primary key ({@code _fivetran_id} for keyless tables)
     * @throws AssertionError when there is no such table
     */
    public List<Map<String, Object>> rows(String table) {
        try (WarehouseView view = WarehouseView.open(settings.destinationFor(projectDir()))) {
            return view.rows(table);
        }
    }

    /**
     * @param table a destination table
     * @return the rows with {@code _fivetran_deleted = false}, sorted as {@link #rows(String)}
     * @throws AssertionError when there is no such table
     */
    public List<Map<String, Object>> liveRows(String table) {
        List<Map<String, Object>> live = new ArrayList<>();
        for (Map<String, Object> row : rows(table)) {
            if (!Boolean.TRUE.equals(row.get(WarehouseView.DELETED))) {
                live.add(row);
            }
        }
        return live;
    }

    /**
     * Finds the one row with a given value, typically its key: {@code row("orders", "id", 42)}.
     * Numbers match by value, whatever their Java type.
     *
     * @param table a destination table
     * @param column a destination column
     * @param value the value to look for
     * @return the row, soft-deleted or not
     * @throws AssertionError when no row or more than one row has that value
     */
    public Map<String, Object> row(String table, String column, Object value) {
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Map<String, Object> row : rows(table)) {
            if (Values.same(row.get(column), value)) {
                matches.add(row);
            }
        }
        if (matches.size() != 1) {
            List<String> columns = columns(table);
            throw new AssertionError("Expected one row of '" + table + "' with " + column + " = " + value
                    + " but found "
                    + matches.size()
                    + (columns.contains(column) ? "" : "; the table has no column '" + column + "', only " + columns));
        }
        return matches.get(0);
    }

    /**
     * Runs any SQL on the warehouse; tables are in schema {@code tester}, e.g.
     * {@code SELECT count(*) AS n FROM tester.orders}.
     *
     * @param sql the statement
     * @return its rows, values as in {@link #rows(String)}
     */
    public List<Map<String, Object>> query(String sql) {
        try (WarehouseView view = WarehouseView.open(settings.destinationFor(projectDir()))) {
            return view.query(sql);
        }
    }

    /**
     * Checks that a sync stopped right after any of its checkpoints, then resumed, ends with the
     * same tables as a sync that never stopped: see {@link #assertResumesFromEveryCheckpoint(ResumeCheckOptions)}.
     * Every sync starts from an empty state, as a first sync does; the tester's own project is
     * not touched.
     *
     * @return what was checked
     * @throws AssertionError naming the checkpoint, the table and the first differing row
     */
    public ResumeCheckReport assertResumesFromEveryCheckpoint() {
        return assertResumesFromEveryCheckpoint(ResumeCheckOptions.fromEmptyState());
    }

    /**
     * Checks that the connector resumes correctly from each of its checkpoints, in throw-away
     * projects that leave the tester's own untouched:
     * <ol>
     * <li>one uninterrupted sync, the reference, counts its checkpoints, K;</li>
     * <li>for each checkpoint k of 1..K (or those {@link ResumeCheckOptions#everyNthCheckpoint} picks), a
     *     new sync is stopped right after checkpoint k, as by a crash, then resumed with up to
     *     {@link ResumeCheckOptions#maxResumeAttempts()} syncs until one succeeds;</li>
     * <li>its tables must then equal the reference's on every column but
     *     {@code _fivetran_synced}, rows compared in primary-key order. When checkpoint k saved the
     *     reference's final state, the resumed sync is a new sync: it is compared with the
     *     reference followed by one more sync.</li>
     * </ol>
     * The connector must be deterministic: the same state and source data give the same
     * operations. On failure the throw-away projects are kept and named in the message.
     *
     * @param check where syncs start and how much to check
     * @return what was checked
     * @throws AssertionError naming the checkpoint, the table and the first differing row
     */
    public ResumeCheckReport assertResumesFromEveryCheckpoint(ResumeCheckOptions check) {
        Objects.requireNonNull(check, "check");
        if (check.startsFromCurrentState() && settings.destination() != null) {
            throw new IllegalStateException("The resume check can start from the tester's current state only when the"
                    + " tester writes its project's DuckDB file (its throw-away projects copy files/): drop"
                    + " destination(...) or start from an empty state");
        }
        Path start = check.startsFromCurrentState() ? projectDir() : null;
        return new ResumeCheckRunner(connectors, settings, check, start).run();
    }

    /** Deletes the project folder if the tester created it. */
    @Override
    public void close() {
        deleteOwnedProject();
    }

    private void deleteOwnedProject() {
        if (ownsProjectDir && projectDir != null) {
            ProjectFiles.delete(projectDir);
            projectDir = null;
            ownsProjectDir = false;
        }
    }
}
