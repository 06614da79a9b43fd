package dev.sluice.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.CheckpointObserver;
import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.TestDestination;
import dev.sluice.engine.crash.ChildSync.KillPoint;
import dev.sluice.engine.crash.ChildSync.Outcome;
import dev.sluice.engine.runtime.SyncRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crash safety of checkpoints, proven by killing a real sync process.
 *
 * <p>A deterministic connector ({@link CrashableConnector}: 60 pages, 3 tables, updates, deletes,
 * revives, truncates, a column added and types widened midway, a checkpoint after every page) is
 * synced once without interruption in a child JVM: that is the reference, and its duration scales
 * the kill schedule. Then, for many kill points (fixed delays, fractions of the reference's
 * duration, right after a given checkpoint by watching {@code state.json}, while the connector
 * stalls with flushed but uncommitted rows, and {@link Runtime#halt} between a commit and its
 * {@code state.json}), a child JVM ({@link CrashableSyncMain}) syncs it into a fresh project and is
 * killed with SIGKILL ({@link Process#destroyForcibly()}) at the point; it is run again (sometimes
 * killed again) until a run succeeds.
 *
 * <p>After every kill the project must be consistent: {@code state.json} absent or a whole JSON
 * object, equal to the state the warehouse committed (or one checkpoint behind it, when the kill
 * fell between the commit and the rename), and the warehouse's tables exactly those of the
 * reference at that checkpoint: nothing emitted after it, nothing before it missing. The next run
 * must start from the warehouse's checkpoint. At the end the tables (columns, types, every row but
 * {@code _fivetran_synced}) and the state must equal the reference's, and no {@code state.json.tmp}
 * may be left.
 *
 * <p>The reference tables at every checkpoint come from an in-process sync stopped (cleanly) after
 * each page and resumed, which must itself end with the reference tables. A last test makes the
 * sync throw (connector, engine, checkpoint observer) at several points and resumes it in-process.
 *
 * <p>The test output ({@code [crash]} lines) tells where every kill landed and sums them up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    private static final int PAGES = 60;
    private static final int FLUSH_ROWS = CrashableSyncMain.DEFAULT_FLUSH_ROWS;
    private static final int MAX_RUNS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path root;
    private WarehouseSnapshot reference;
    private String referenceState;
    private WarehouseSnapshot stepwiseFinal;
    private final Map<Integer, WarehouseSnapshot.Digest> digestAt = new HashMap<>();
    private final Map<Integer, String> stateAt = new HashMap<>();
    private long childMillis;
    private long childFirstCheckpointMillis;
    private final AtomicInteger projects = new AtomicInteger();
    private final Map<String, Integer> landed = new TreeMap<>();
    private final List<String> caseLines = new ArrayList<>();
    private int leftoverTmp;
    private int totalKills;

    @BeforeAll
    void buildReference() throws Exception {
        root = Files.createTempDirectory("sluice-crash-");

        // the reference: the sync in a child JVM, uninterrupted; its duration scales the kill schedule
        Path child = newProject("reference");
        ChildSync sync = new ChildSync(child);
        long[] firstCheckpoint = {-1};
        Outcome outcome = sync.run(
                new KillPoint() {
                    @Override
                    public boolean due(long elapsedMs, Path project, Path log) {
                        if (firstCheckpoint[0] < 0 && Files.exists(stateFile(project))) {
                            firstCheckpoint[0] = elapsedMs;
                        }
                        return false;
                    }

                    @Override
                    public String toString() {
                        return "never";
                    }
                },
                List.of());
        assertThat(outcome.exitCode())
                .as("uninterrupted child sync failed:\n    %s", outcome.tail())
                .isZero();
        childMillis = outcome.elapsedMs();
        childFirstCheckpointMillis = firstCheckpoint[0];
        reference = WarehouseSnapshot.take((child));
        referenceState = Files.readString(stateFile(child));
        System.out.printf(
                "[crash] reference: uninterrupted sync of %d pages in a child JVM in %d ms (first checkpoint"
                        + " at %d ms), tables %s%n",
                PAGES,
                childMillis,
                childFirstCheckpointMillis,
                reference.digest().tables());

        // the reference tables at every checkpoint: stop cleanly after each page, resume (in-process)
        long stepwiseStart = System.nanoTime();
        Path stepwise = newProject("stepwise");
        digestAt.put(0, WarehouseSnapshot.EMPTY.digest());
        for (int page = 0; page < PAGES; page++) {
            SyncResult step = runInProcess(stepwise, Map.of("stopAfterPage", String.valueOf(page)), null);
            assertThat(step.succeeded())
                    .as("stepwise run %d: %s", page, step.failureMessage())
                    .isTrue();
            WarehouseSnapshot snapshot = WarehouseSnapshot.take((stepwise), page == PAGES - 1);
            digestAt.put(page + 1, snapshot.digest());
            stateAt.put(page + 1, snapshot.storedState());
            if (page == PAGES - 1) {
                stepwiseFinal = snapshot;
            }
        }
        System.out.printf(
                "[crash] reference at every checkpoint: %d in-process syncs, each stopped after one more"
                        + " page, in %d ms%n",
                PAGES, (System.nanoTime() - stepwiseStart) / 1_000_000);
    }

    @AfterAll
    void report() throws IOException {
        System.out.println("[crash] ===== kill report =====");
        caseLines.forEach(line -> System.out.println("[crash] " + line));
        System.out.printf("[crash] %d kills in all; where they landed:%n", totalKills);
        landed.forEach((where, count) -> System.out.printf("[crash]   %-62s %3d%n", where, count));
        int before = landed.entrySet().stream()
                .filter(e -> e.getKey().startsWith("before the first"))
                .mapToInt(Map.Entry::getValue)
                .sum();
        int rerun = landed.entrySet().stream()
                .filter(e -> e.getKey().startsWith("before the run's"))
                .mapToInt(Map.Entry::getValue)
                .sum();
        int between = landed.entrySet().stream()
                .filter(e -> e.getKey().startsWith("between"))
                .mapToInt(Map.Entry::getValue)
                .sum();
        int gap = landed.entrySet().stream()
                .filter(e -> e.getKey().contains("behind"))
                .mapToInt(Map.Entry::getValue)
                .sum();
        int last = landed.entrySet().stream()
                .filter(e -> e.getKey().startsWith("after the last"))
                .mapToInt(Map.Entry::getValue)
                .sum();
        System.out.printf(
                "[crash] SUMMARY: %d kills landed before the first checkpoint; %d after it: %d between"
                        + " checkpoints, %d in re-runs before their first checkpoint, %d after the last checkpoint; %d found"
                        + " state.json one checkpoint behind the warehouse (killed between a commit and its state.json)%n",
                before, rerun + between + last, between, rerun, last, gap);
        System.out.printf(
                "[crash] kills that left a state.json.tmp behind: %d (each next run still succeeded)%n", leftoverTmp);
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                System.out.printf(
                        "[crash] copies of DuckDB's native library left in the children's temp directories:"
                                + " %d (only a kill while the driver extracts it, before it loads, can leave one)%n",
                        files.filter(p -> p.getFileName().toString().startsWith("libduckdb_java"))
                                .count());
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void referenceCoversTheHardCases() {
        Map<String, WarehouseSnapshot.TableData> tables = reference.tables();
        assertThat(tables).containsOnlyKeys("orders", "order_lines", "events");
        assertThat(tables.get("orders").columns())
                .contains(
                        "id BIGINT",
                        "amount DECIMAL(12,2)",
                        "created_at TIMESTAMP WITH TIME ZONE",
                        "quantity DOUBLE",
                        "note VARCHAR",
                        "placed_on DATE",
                        "local_at TIMESTAMP",
                        "_fivetran_deleted BOOLEAN");
        assertThat(tables.get("order_lines").columns()).contains("order_id BIGINT", "line_no INTEGER", "gift BOOLEAN");
        assertThat(tables.get("events").columns())
                .contains("_fivetran_id VARCHAR", "weight DOUBLE", "price DECIMAL(5,3)");
        assertThat(tables.get("orders").rows())
                .anyMatch(r -> r.contains("_fivetran_deleted=true"))
                .anyMatch(r -> r.contains("status=shipped-"));
        assertThat(tables.get("order_lines").rows()).anyMatch(r -> r.contains("_fivetran_deleted=true"));
        assertThat(tables.get("events").rows()).anyMatch(r -> r.contains("_fivetran_deleted=true"));
        assertThat(referenceState).contains("\"page\":" + PAGES);
    }

    @Test
    @Order(2)
    void aSyncStoppedAfterEveryCheckpointAndResumedEndsWithTheReferenceTables() {
        assertThat(stepwiseFinal.tablesDiff(reference)).isNull();
        assertThat(stepwiseFinal.digest()).isEqualTo(reference.digest());
        assertThat(stateAt.get(PAGES)).isEqualTo(referenceState);
        for (int page = 1; page < PAGES; page++) {
            assertThat(digestAt.get(page))
                    .as("tables at page %d and %d", page, page + 1)
                    .isNotEqualTo(digestAt.get(page + 1));
        }
    }

    @Test
    @Order(3)
    void killsDuringTheFirstSecondsBeforeTheFirstCheckpoint() throws Exception {
        runAll(List.of(
                Scenario.of("early kill at 5 ms (JVM starting)", ChildSync.afterMillis(5)),
                Scenario.of("early kill at 250 ms", ChildSync.afterMillis(250)),
                Scenario.of(
                        "kill as soon as DuckDB starts creating the warehouse (warehouse.db.creating exists;"
                                + " PostgreSQL: as soon as the destination is open)",
                        TestDestination.postgres()
                                ? ChildSync.onOutput("SyncExecution - destination: ")
                                : ChildSync.whenExists("files/warehouse.db.creating")),
                Scenario.of(
                        "kill as soon as warehouse.db exists (just renamed into place; PostgreSQL: after 1 s)",
                        TestDestination.postgres()
                                ? ChildSync.afterMillis(1000)
                                : ChildSync.whenExists("files/warehouse.db")),
                Scenario.of(
                        "kill once the start state is resolved (schema() and page 0 under way)",
                        ChildSync.onOutput("previous state:")),
                stall(0, 1400), // page 0 (a bulk page) flushed 4 times, nothing committed yet
                new Scenario(
                        "halt between the commit of page=1 and its state.json",
                        List.of(new Step(null, List.of("haltInGapAtPage=1"))))));
    }

    @Test
    @Order(4)
    void killsAtScheduledDelaysAcrossTheWholeSync() throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        long span = childMillis - childFirstCheckpointMillis;
        double pageMillis = (double) span / (PAGES - 1);
        // fractions of the reference's duration (up to 2/3: other work on the machine makes a sync's
        // duration vary, and a later kill could come after the end)
        for (double fraction : new double[] {0.02, 0.14, 0.27, 0.40, 0.53, 0.66}) {
            long delay = childFirstCheckpointMillis + Math.round(fraction * span);
            scenarios.add(Scenario.of(
                    String.format("kill at %.0f%% of the sync (%d ms)", fraction * 100, delay),
                    ChildSync.afterMillis(delay)));
        }
        // late in the sync: a fraction of a page's time after a given checkpoint
        int[] pages = {47, 55, 58};
        double[] offsets = {0.3, 0.6, 0.85};
        for (int i = 0; i < pages.length; i++) {
            long delay = Math.round(offsets[i] * pageMillis);
            scenarios.add(Scenario.of(
                    "kill " + delay + " ms (" + Math.round(offsets[i] * 100) + "% of a page) after"
                            + " checkpoint page=" + pages[i],
                    ChildSync.afterCheckpoint(pages[i], Math.max(1, delay))));
        }
        // killed again on the re-runs, at points scaled to what is left to do
        long startup = Math.max(0, childFirstCheckpointMillis - Math.round(pageMillis));
        scenarios.add(Scenario.of(
                "kill at 35%, then on the re-runs at 50% and 85% of the rest",
                ChildSync.afterMillis(childFirstCheckpointMillis + span * 35 / 100),
                ChildSync.afterFractionOfRest(0.5, startup, pageMillis, PAGES),
                ChildSync.afterFractionOfRest(0.85, startup, pageMillis, PAGES)));
        scenarios.add(Scenario.of(
                "kill at 60%, at 40 ms on the re-run (JVM starting), then at 30% of the rest",
                ChildSync.afterMillis(childFirstCheckpointMillis + span * 60 / 100),
                ChildSync.afterMillis(40),
                ChildSync.afterFractionOfRest(0.3, startup, pageMillis, PAGES)));
        runAll(scenarios);
    }

    @Test
    @Order(5)
    void killsRightAfterCheckpoints() throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        // pages: the first; before the note column appears; after the truncate of order_lines; the
        // final checkpoint (a kill during the final commit and close)
        for (int page : new int[] {1, 20, 31, PAGES}) {
            scenarios.add(Scenario.of("kill right after checkpoint page=" + page, ChildSync.afterCheckpoint(page)));
        }
        // after the final checkpoint: the final commit, and DuckDB's checkpoint of its WAL on close
        scenarios.add(Scenario.of(
                "kill 15 ms after the final checkpoint page=" + PAGES, ChildSync.afterCheckpoint(PAGES, 15)));
        scenarios.add(Scenario.of(
                "kill after checkpoint page=12, then on the re-runs after page=13 and page=14",
                ChildSync.afterCheckpoint(12),
                ChildSync.afterCheckpoint(13),
                ChildSync.afterCheckpoint(14)));
        // in-process kills (Runtime.halt) between a commit and its state.json; then the re-runs are
        // killed as soon as the warehouse is open (before state.json is repaired), and as soon as the
        // start state is resolved (after the repair)
        scenarios.add(new Scenario(
                "halt between the commit of page=31 (after the truncate) and its state.json",
                List.of(new Step(null, List.of("haltInGapAtPage=31")))));
        scenarios.add(new Scenario(
                "halt between the commit of page=33 and its state.json, then kill the re-runs as soon"
                        + " as the warehouse is open and as soon as the start state is resolved",
                List.of(
                        new Step(null, List.of("haltInGapAtPage=33")),
                        new Step(ChildSync.onOutput("SyncExecution - destination: "), List.of()),
                        new Step(ChildSync.onOutput("previous state:"), List.of()))));
        runAll(scenarios);
    }

    @Test
    @Order(6)
    void killsWhileFlushedRowsAreNotYetCommitted() throws Exception {
        // the connector stalls in the middle of a page after rows were flushed (flushRows=250) into
        // the open transaction: in bulk pages after 1400 operations (the first 1024 reached the
        // writer and were flushed), or after a schema change handed the rows over
        runAll(List.of(
                stall(10, 320), // after events.price widened from DECIMAL(4,3) to DECIMAL(5,3), which flushed
                stall(12, 1400),
                stall(25, 50), // after orders.quantity widened from INT to BIGINT (uncommitted DDL)
                stall(30, 1500), // after the truncate of order_lines
                stall(42, 1400))); // after orders.quantity widened to DOUBLE in page 40
    }

    @Test
    @Order(7)
    void killsRepeatedlyAtSeededRandomDelaysThenFinishes() throws Exception {
        Random random = new Random(20240601L);
        List<KillPoint> kills = new ArrayList<>();
        int bound = (int) Math.max(100, childFirstCheckpointMillis + (childMillis - childFirstCheckpointMillis) / 4);
        for (int k = 0; k < 5; k++) {
            kills.add(ChildSync.afterMillis(200 + random.nextInt(bound)));
        }
        runAll(List.of(Scenario.of("5 kills in a row at " + kills, kills.toArray(KillPoint[]::new))));
    }

    @Test
    @Order(8)
    void aSyncThatThrowsResumesToTheSameTables() throws Exception {
        Path project = newProject("throws");
        // 1. the connector throws in page 0, before any checkpoint
        expectFailure(
                project, Map.of("throwInPage", "0", "throwAfterOps", "300"), null, "planned failure in page 0", 0);
        // 2. in page 17, after 300 operations
        expectFailure(
                project, Map.of("throwInPage", "17", "throwAfterOps", "300"), null, "planned failure in page 17", 17);
        // 3. in page 18 (a bulk page), after 1300 operations: rows reached the writer and were flushed.
        // The tables are not checked here: the engine commits rows the writer applies after the
        // rollback (see ThrowAfterFlushIT); state must stay at page 18 and the resumed sync must
        // still end with the reference tables
        expectFailure(
                project,
                Map.of("throwInPage", "18", "throwAfterOps", "1300"),
                null,
                "planned failure in page 18",
                18,
                18,
                false);
        // 4. in page 30, after its truncate of order_lines
        expectFailure(
                project, Map.of("throwInPage", "30", "throwAfterOps", "450"), null, "planned failure in page 30", 30);
        // 5. the engine fails the sync: a value the declared DECIMAL column cannot hold
        expectFailure(project, Map.of("badValueInPage", "44", "throwAfterOps", "300"), null, "amount", 44);
        // 6. a checkpoint observer throws after the 3rd checkpoint of the run (durable by then)
        expectFailure(
                project,
                Map.of(),
                (number, state) -> {
                    if (number == 3) {
                        throw new IllegalStateException("observer failure after checkpoint 3");
                    }
                },
                "observer failure after checkpoint 3",
                47);
        // 7. as if the process died between the commit of page=51 and the write of state.json
        Path stateFile = stateFile(project);
        String[] previous = {Files.readString(stateFile)};
        expectFailure(
                project,
                Map.of(),
                (number, state) -> {
                    if (state.getLong("page", 0) == 51) {
                        try {
                            Files.writeString(stateFile.resolveSibling("state.json.put-back"), previous[0]);
                            Files.move(
                                    stateFile.resolveSibling("state.json.put-back"),
                                    stateFile,
                                    StandardCopyOption.ATOMIC_MOVE,
                                    StandardCopyOption.REPLACE_EXISTING);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                        throw new IllegalStateException("died between commit and state.json");
                    }
                    try {
                        previous[0] = Files.readString(stateFile);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                },
                "died between commit and state.json",
                51,
                50,
                true);
        // 8. resume to the end: it must start from the warehouse's page=51 (state.json repaired)
        List<Long> checkpointed = new ArrayList<>();
        SyncResult last =
                runInProcess(project, Map.of(), (number, state) -> checkpointed.add(state.getLong("page", -1)));
        assertThat(last.succeeded()).as(last.failureMessage()).isTrue();
        assertThat(checkpointed)
                .as("pages checkpointed by the final run")
                .first()
                .isEqualTo(52L);
        assertThat(WarehouseSnapshot.take((project)).tablesDiff(reference)).isNull();
        assertThat(Files.readString(stateFile)).isEqualTo(referenceState);
        assertThat(Files.exists(stateFile.resolveSibling("state.json.tmp"))).isFalse();
    }

    private void expectFailure(
            Path project,
            Map<String, String> configuration,
            CheckpointObserver observer,
            String message,
            int expectedPage)
            throws IOException {
        expectFailure(project, configuration, observer, message, expectedPage, expectedPage, true);
    }

    private void expectFailure(
            Path project,
            Map<String, String> configuration,
            CheckpointObserver observer,
            String message,
            int warehousePage,
            int filePage,
            boolean checkTables)
            throws IOException {
        SyncResult result = runInProcess(project, configuration, observer);
        assertThat(result.succeeded())
                .as("sync with %s should fail", configuration)
                .isFalse();
        assertThat(result.failureMessage()).contains(message);
        assertThat(ChildSync.statePage(project))
                .as("state.json page after failure '%s'", message)
                .isEqualTo(filePage == 0 ? null : filePage);
        WarehouseSnapshot snapshot = WarehouseSnapshot.take((project), false);
        assertThat(ChildSync.page(snapshot.storedState()))
                .as("warehouse state page after failure '%s'", message)
                .isEqualTo(warehousePage == 0 ? null : warehousePage);
        if (checkTables) {
            assertThat(snapshot.digest())
                    .as(
                            "warehouse tables after failure '%s' must be those of checkpoint page=%d",
                            message, warehousePage)
                    .isEqualTo(digestAt.get(warehousePage));
        }
        System.out.printf(
                "[crash] throw: sync failed with \"%s\"; state%s at page=%d%n",
                result.failureMessage(), checkTables ? " and tables are" : " is (tables not checked)", warehousePage);
    }

    // ---------------------------------------------------------------------------------------------

    /** One child run: kill it at the point (null: let it end), with extra arguments. */
    private record Step(KillPoint kill, List<String> args) {}

    /** A named sequence of runs; after the steps, runs without kills follow until one succeeds. */
    private record Scenario(String name, List<Step> steps) {
        static Scenario of(String name, KillPoint... kills) {
            return new Scenario(
                    name, Stream.of(kills).map(k -> new Step(k, List.of())).toList());
        }
    }

    private static Scenario stall(int page, int afterOps) {
        return new Scenario(
                "kill while stalled in page " + page + " after " + afterOps + " operations",
                List.of(new Step(ChildSync.onStall(), List.of("stallInPage=" + page, "stallAfterOps=" + afterOps))));
    }

    /**
     * Runs scenarios one at a time (the machine has 2 cores and a sync uses more than one, so delays
     * measured on the idle machine stay meaningful), and fails with every scenario that failed.
     */
    private void runAll(List<Scenario> scenarios) throws Exception {
        List<String> failures = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            String failure = runScenario(scenario);
            if (failure != null) {
                failures.add("[" + scenario.name() + "] " + failure);
                System.out.println("[crash] FAILED " + scenario.name() + ": " + failure);
            }
        }
        assertThat(failures).as("scenarios that failed").isEmpty();
    }

    /** @return null when the scenario passed, else why it failed */
    private String runScenario(Scenario scenario) throws Exception {
        long start = System.nanoTime();
        Path project = newProject(scenario.name().replaceAll("[^A-Za-z0-9]+", "-"));
        ChildSync sync = new ChildSync(project);
        List<String> story = new ArrayList<>();
        int committedPage = 0;
        boolean finished = false;
        for (int run = 0; run < MAX_RUNS && !finished; run++) {
            Step step = run < scenario.steps().size() ? scenario.steps().get(run) : new Step(null, List.of());
            Outcome outcome = sync.run(step.kill(), step.args());
            Integer started = outcome.startPage();
            if (started != null && started != committedPage) {
                return "run " + (run + 1) + " started from page=" + started + " but the warehouse had committed page="
                        + committedPage + "\n    " + outcome.tail();
            }
            if (outcome.exitCode() == 0) {
                finished = true;
                story.add("run " + (run + 1) + " finished");
                if (step.kill() != null) {
                    if (!step.kill().timed()) {
                        return "run " + (run + 1) + " finished, but its kill point (" + step.kill() + ") never came";
                    }
                    count("kill too late: the run had already finished");
                }
                continue;
            }
            boolean halted = outcome.exitCode() == CrashableSyncMain.HALT_STATUS;
            if (!outcome.killed() && !halted) {
                return "run " + (run + 1) + " failed by itself (exit " + outcome.exitCode() + ")\n    "
                        + outcome.tail();
            }
            synchronized (this) {
                totalKills++;
            }
            Check check = checkAfterKill(project, committedPage, outcome);
            if (check.failure() != null) {
                return "after the kill of run " + (run + 1) + " (" + (halted ? "halt" : step.kill()) + ", at "
                        + outcome.elapsedMs() + " ms): " + check.failure() + "\n    log: " + outcome.tail();
            }
            count(check.landed());
            story.add("run " + (run + 1) + " " + (halted ? "halted" : "killed") + " at " + outcome.elapsedMs() + " ms: "
                    + check.landed());
            committedPage = check.page();
        }
        if (!finished) {
            return "no run succeeded in " + MAX_RUNS + " runs: " + story;
        }
        WarehouseSnapshot end = WarehouseSnapshot.take((project));
        String diff = end.tablesDiff(reference);
        if (diff != null) {
            return "final tables differ from the reference after " + story + ":\n  " + diff;
        }
        String state = Files.readString(stateFile(project));
        if (!state.equals(referenceState)) {
            return "final state.json " + state + " differs from the reference " + referenceState;
        }
        if (!referenceState.equals(end.storedState())) {
            return "final state in the warehouse " + end.storedState() + " differs from the reference "
                    + referenceState;
        }
        if (Files.exists(stateFile(project).resolveSibling("state.json.tmp"))) {
            return "a successful sync left state.json.tmp behind";
        }
        String line = String.format(
                "%-80s %5d ms  %s", scenario.name(), (System.nanoTime() - start) / 1_000_000, String.join("; ", story));
        synchronized (this) {
            caseLines.add(line);
        }
        System.out.println("[crash] " + line);
        deleteRecursively(project);
        return null;
    }

    /**
     * @param landed where the kill landed, for the report
     * @param page the checkpoint page the warehouse holds now
     * @param failure null, or what is inconsistent
     */
    private record Check(String landed, int page, String failure) {
        static Check failed(String failure) {
            return new Check(null, -1, failure);
        }
    }

    private Check checkAfterKill(Path project, int pageBefore, Outcome outcome) throws IOException {
        Path stateFile = stateFile(project);
        String fileJson = Files.exists(stateFile) ? Files.readString(stateFile) : null;
        if (fileJson != null) {
            try {
                JsonNode node = JSON.readTree(fileJson);
                if (node == null || !node.isObject() || !node.path("page").isIntegralNumber()) {
                    return Check.failed("state.json is not a state object: '" + fileJson + "'");
                }
            } catch (IOException e) {
                return Check.failed(
                        "state.json is not valid JSON (half-written?): '" + fileJson + "': " + e.getMessage());
            }
        }
        boolean tmp = Files.exists(stateFile.resolveSibling("state.json.tmp"));
        if (tmp) {
            synchronized (this) {
                leftoverTmp++;
            }
        }
        WarehouseSnapshot snapshot;
        try {
            snapshot = WarehouseSnapshot.take((project), false);
        } catch (RuntimeException e) {
            return Check.failed("the warehouse cannot be read after the kill: " + e);
        }
        String stored = snapshot.storedState();
        boolean gap = false;
        if (stored == null) {
            if (fileJson != null) {
                return Check.failed("state.json holds " + fileJson + " but the warehouse committed no checkpoint");
            }
        } else if (!stored.equals(fileJson)) {
            if (fileJson == null ? snapshot.storedPrevious() != null : !fileJson.equals(snapshot.storedPrevious())) {
                return Check.failed("state.json " + fileJson + " is neither the warehouse's state " + stored
                        + " nor the one before it " + snapshot.storedPrevious());
            }
            gap = true;
        }
        int page = stored == null ? 0 : ChildSync.page(stored);
        if (stored != null && !stored.equals(stateAt.get(page))) {
            return Check.failed("the warehouse's state " + stored + " differs from the reference's at that page "
                    + stateAt.get(page));
        }
        if (page < pageBefore) {
            return Check.failed("the committed state went back from page=" + pageBefore + " to page=" + page);
        }
        WarehouseSnapshot.Digest digest = snapshot.digest();
        if (!digest.equals(digestAt.get(page))) {
            return Check.failed(
                    "the warehouse's tables are not those of checkpoint page=" + page + ":\n      found     "
                            + digest.tables() + "\n      reference "
                            + digestAt.get(page).tables()
                            + "\n      (near pages: " + nearPages(digest, page) + ")");
        }
        String landed;
        if (stored == null) {
            landed = TestDestination.exists(project)
                    ? "before the first checkpoint (warehouse created)"
                    : "before the first checkpoint (no warehouse yet)";
        } else if (page == pageBefore) {
            landed = "before the run's first checkpoint (a re-run, no progress)";
        } else if (page == PAGES) {
            landed = "after the last checkpoint (final commit/close)";
        } else {
            landed = "between checkpoints";
        }
        if (gap) {
            landed += ", state.json one checkpoint behind";
        }
        return new Check(landed + (tmp ? ", state.json.tmp left" : ""), page, null);
    }

    private String nearPages(WarehouseSnapshot.Digest digest, int page) {
        List<Integer> equal = new ArrayList<>();
        digestAt.forEach((p, d) -> {
            if (d.equals(digest)) {
                equal.add(p);
            }
        });
        return equal.isEmpty() ? "equal to no checkpoint" : "equal to the checkpoint(s) of page " + equal;
    }

    private synchronized void count(String where) {
        String key = where.replace(", state.json.tmp left", "");
        landed.merge(key, 1, Integer::sum);
    }

    // ---------------------------------------------------------------------------------------------

    private Path newProject(String name) throws IOException {
        Path project = root.resolve(projects.incrementAndGet() + "-" + name);
        Files.createDirectories(project);
        return project;
    }

    private static Path stateFile(Path project) {
        return project.resolve("files/state.json");
    }

    private static SyncResult runInProcess(
            Path project, Map<String, String> configuration, CheckpointObserver observer) {
        Map<String, String> values = new LinkedHashMap<>(configuration);
        return SyncRuntime.shared()
                .run(
                        new CrashableConnector(),
                        SyncOptions.forProject(project)
                                .destination(TestDestination.forProject(project))
                                .configuration(values)
                                .flushRows(FLUSH_ROWS)
                                .checkpointObserver(observer)
                                .build());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
