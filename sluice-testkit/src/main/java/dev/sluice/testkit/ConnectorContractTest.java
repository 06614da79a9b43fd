package dev.sluice.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The standard checks of a connector, inherited as JUnit tests: a connector's test extends this
 * class, says what differs (how to make a tester of its connector and configuration, what each of
 * two syncs must land, how to change the source between them) and gets four {@code @Test} methods:
 *
 * <pre>{@code
 * class MyConnectorTest extends ConnectorContractTest {
 *     @AutoClose
 *     private final Playground playground = Playground.start(PlaygroundOptions.defaults());
 *
 *     protected ConnectorTester newTester() {
 *         return ConnectorTester.of(MyConnector::new).configuration(Map.of("base_url", playground.baseUrl()));
 *     }
 *     protected ExpectedSync firstSync() { ... every user, 5 checkpoints ... }
 *     protected void changeSource() { playground.advance(3); }
 *     protected ExpectedSync secondSync() { ... only the changed users ... }
 *
 *     @Test void somethingOnlyThisConnectorDoes() { tester().sync() ... }
 * }
 * }</pre>
 *
 * <ul>
 * <li>{@link #firstSyncLandsTheExpectedRows}: a first sync, from an empty state, succeeds and
 *     meets {@link #firstSync}.</li>
 * <li>{@link #resumesFromEveryCheckpointOfTheFirstSync}: the first sync stopped right after any
 *     of its checkpoints and resumed ends with the same tables as an uninterrupted one
 *     ({@link ConnectorTester#assertResumesFromEveryCheckpoint(ResumeCheckOptions)}); it made at
 *     least one checkpoint (else there was nothing to check), and as many as {@link #firstSync}
 *     expects, with the row counts its {@link ExpectedSync#keys keys} imply.</li>
 * <li>{@link #secondSyncWritesOnlyTheChanges}: after a first sync and {@link #changeSource}, a
 *     second sync succeeds and meets {@link #secondSync}, whose {@link ExpectedSync#operations
 *     operation counts} and {@link ExpectedSync#written written rows} say what "only the changes"
 *     means for this connector (everything again, for one that can only read the whole source).</li>
 * <li>{@link #resumesFromEveryCheckpointOfTheSecondSync}: the same resume check for that second
 *     sync, from the state and warehouse the first one left, against {@link #secondSync}'s
 *     checkpoints and row counts.</li>
 * </ul>
 *
 * <p>Lifecycle: JUnit makes a new instance for each test. The source the connector reads is the
 * subclass's to start and stop, as JUnit allows: a field closed by {@code @AutoClose}, or its own
 * {@code @BeforeEach} and {@code @AfterEach} methods. {@link #newTester()} runs at the first
 * {@link #tester()} of a test, after every {@code @BeforeEach}; that tester is closed after the
 * test and the subclass's {@code @AfterEach} methods, before its {@code @AutoClose} fields. Within a
 * test the hooks run in the order the checks above name them; {@link #firstSync} and
 * {@link #secondSync} run after the sync they describe (after the resume check, in the resume
 * tests), so they can read the source as it is then.
 *
 * <p>Threading: every hook runs on the test's thread. The connector reads the source from the
 * engine's threads during a sync, and {@link ConnectorTester#syncCallingAfterCheckpoint} calls its
 * action from there, so a source shared with the connector must be safe to use across threads
 * (the playground is). An instance serves one test at a time.
 */
public abstract class ConnectorContractTest {

    private ConnectorTester tester;

    /**
     * @return a new tester of the connector with its configuration, e.g.
     *     {@code ConnectorTester.of(MyConnector::new).configuration(Map.of("base_url", api.baseUrl()))};
     *     the base class closes it
     */
    protected abstract ConnectorTester newTester();

    /** @return what the first sync must do and land */
    protected abstract ExpectedSync firstSync();

    /**
     * Changes the source between the first and the second sync (adds, updates, deletes records).
     * By default nothing changes, and {@link #secondSync} says what a sync of an unchanged source
     * writes.
     */
    protected void changeSource() {}

    /** @return what the second sync must write and what the warehouse must then hold */
    protected abstract ExpectedSync secondSync();

    /**
     * Adjusts the resume checks, e.g. {@code options.everyNthCheckpoint(10)} for a sync with many
     * checkpoints. Where the check starts (empty or current state) is the base class's to set.
     *
     * @param options the options of one of the two resume checks
     * @return the options to use; these by default
     */
    protected ResumeCheckOptions resumeCheckOptions(ResumeCheckOptions options) {
        return options;
    }

    /** @return the running test's tester, made by {@link #newTester()} at the first call */
    protected final ConnectorTester tester() {
        if (tester == null) {
            tester = Objects.requireNonNull(newTester(), "newTester returned null");
        }
        return tester;
    }

    @AfterEach
    final void closeTester() {
        if (tester != null) {
            tester.close();
            tester = null;
        }
    }

    /** A first sync succeeds and meets {@link #firstSync}. */
    @Test
    final void firstSyncLandsTheExpectedRows() {
        SyncOutcome first = succeeded("The first sync", tester().sync());
        firstSync().verify(new SyncUnderCheck("The first sync", first, tester(), Map.of()));
    }

    /** The first sync resumes from every checkpoint with the tables of an uninterrupted one. */
    @Test
    final void resumesFromEveryCheckpointOfTheFirstSync() {
        ResumeCheckReport report =
                tester().assertResumesFromEveryCheckpoint(resumeCheckOptions(ResumeCheckOptions.fromEmptyState()));
        assertReportMatches("The first sync", report, firstSync());
    }

    /** After a first sync and {@link #changeSource}, a second sync meets {@link #secondSync}. */
    @Test
    final void secondSyncWritesOnlyTheChanges() {
        succeeded("The first sync", tester().sync());
        Map<String, List<Map<String, Object>>> before = everyRow(tester());
        changeSource();
        SyncOutcome second = succeeded("The second sync", tester().sync());
        secondSync().verify(new SyncUnderCheck("The second sync", second, tester(), before));
    }

    /** The second sync resumes from every checkpoint with the tables of an uninterrupted one. */
    @Test
    final void resumesFromEveryCheckpointOfTheSecondSync() {
        succeeded("The first sync", tester().sync());
        changeSource();
        ResumeCheckReport report =
                tester().assertResumesFromEveryCheckpoint(resumeCheckOptions(ResumeCheckOptions.fromCurrentState()));
        assertReportMatches("The second sync", report, secondSync());
    }

    private static SyncOutcome succeeded(String name, SyncOutcome outcome) {
        if (!outcome.succeeded()) {
            AssertionError error = new AssertionError(name + " failed: " + outcome.failureMessage());
            if (outcome.failure() != null) {
                error.initCause(outcome.failure());
            }
            throw error;
        }
        return outcome;
    }

    private static Map<String, List<Map<String, Object>>> everyRow(ConnectorTester tester) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : tester.tables()) {
            rows.put(table, tester.rows(table));
        }
        return rows;
    }

    private static void assertReportMatches(String sync, ResumeCheckReport report, ExpectedSync expected) {
        if (report.checkpointsChecked() == 0) {
            throw new AssertionError(sync + " made no checkpoint, so no resume could be checked: a connector must"
                    + " call Operations.checkpoint, at the latest at the end of its sync");
        }
        OptionalLong checkpoints = expected.expectedCheckpoints();
        if (checkpoints.isPresent() && checkpoints.getAsLong() != report.referenceCheckpoints()) {
            throw new AssertionFailedError(
                    sync + ", run uninterrupted by the resume check, made " + report.referenceCheckpoints()
                            + " checkpoints, not " + checkpoints.getAsLong(),
                    checkpoints.getAsLong(),
                    report.referenceCheckpoints());
        }
        expected.expectedRowCounts().forEach((table, rows) -> {
            Integer found = report.referenceRows().get(table);
            if (!rows.equals(found)) {
                throw new AssertionFailedError(
                        sync + ", run uninterrupted by the resume check, left " + found + " rows in table '" + table
                                + "', not " + rows,
                        rows,
                        found);
            }
        });
    }
}
