package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ResumeCheckRunnerTest {

    /** The failing checks here need no projects kept for inspection. */
    private static final ResumeCheckOptions DISCARD_FAILED =
            ResumeCheckOptions.fromEmptyState().keepFailedProjects(false);

    @Test
    void aConnectorThatResumesCorrectlyPassesForEveryCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            ResumeCheckReport report = tester.assertResumesFromEveryCheckpoint();

            assertThat(report.referenceCheckpoints()).isEqualTo(10);
            assertThat(report.checkpointsChecked()).isEqualTo(10);
            assertThat(report.referenceRows()).containsEntry("items", 1000);
            assertThat(report.syncsRun()).isGreaterThanOrEqualTo(21);
            assertThat(tester.lastSync())
                    .as("the tester's own project is not touched")
                    .isNull();
        }
    }

    @Test
    void catchesAConnectorThatForgetsACursorAndEmitsOtherRowsWhenResumed() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.ForgetsSequence())) {
            Throwable failure = catchThrowable(tester::assertResumesFromEveryCheckpoint);

            assertThat(failure)
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("checkpoint 1 of 10")
                    .hasMessageContaining("table 'items' differs")
                    .hasMessageContaining("in column sequence:")
                    .hasMessageMatching(
                            "(?s).*expected: \\{id=101, .*sequence=101[,}].*but was: +\\{id=101, .*sequence=1[,}].*")
                    .hasMessageContaining("kept for inspection");
            Matcher kept =
                    Pattern.compile("kept for inspection: (\\S+)/reference ").matcher(failure.getMessage());
            assertThat(kept.find()).isTrue();
            Path workDir = Path.of(kept.group(1));
            assertThat(workDir.resolve("reference/files/warehouse.db")).exists();
            assertThat(workDir.resolve("stopped-after-checkpoint-1/files/warehouse.db"))
                    .exists();
            ProjectFiles.delete(workDir);
        }
    }

    @Test
    void catchesAConnectorThatSkipsAPageWhenResumed() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.SkipsPageOnResume())) {
            assertThatThrownBy(() -> tester.assertResumesFromEveryCheckpoint(DISCARD_FAILED))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("checkpoint 1 of 10")
                    .hasMessageContaining("1000 rows expected, 900 found")
                    .hasMessageContaining("expected: {id=101,")
                    .hasMessageContaining("but was:  {id=201,")
                    .hasMessageNotContaining("kept for inspection");
        }
    }

    @Test
    void rowsEmittedAfterTheLastCheckpointAreFineWhenTheResumedSyncEmitsThemAgain() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.TailAfterLastCheckpoint())) {
            ResumeCheckReport report = tester.assertResumesFromEveryCheckpoint();

            assertThat(report.referenceCheckpoints()).isEqualTo(9);
            assertThat(report.referenceRows()).containsEntry("items", 1000);
        }
    }

    @Test
    void catchesAConnectorThatSwallowsTheFailureOfACheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.SwallowsCheckpointFailures())) {
            assertThatThrownBy(() -> tester.assertResumesFromEveryCheckpoint(DISCARD_FAILED))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("never catch them");
        }
    }

    @Test
    void reportsAFailingReferenceSync() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.FailsAfter(2))) {
            assertThatThrownBy(() -> tester.assertResumesFromEveryCheckpoint(DISCARD_FAILED))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("reference sync failed")
                    .hasMessageContaining("503");
        }
    }

    @Test
    void checksAnIncrementalSyncFromTheTestersCurrentState() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Incremental())) {
            tester.sync().assertSucceeded();
            tester.sync().assertSucceeded();
            assertThat(tester.rows("items")).hasSize(80);

            ResumeCheckReport report = tester.assertResumesFromEveryCheckpoint(ResumeCheckOptions.fromCurrentState());

            assertThat(report.referenceCheckpoints()).isEqualTo(5);
            assertThat(report.referenceRows()).containsEntry("items", 120);
            assertThat(tester.rows("items"))
                    .as("the tester's own project is not touched")
                    .hasSize(80);
            assertThat(tester.state().getLong("round", 0)).isEqualTo(2);
        }
    }

    @Test
    void passesWhenTheEngineFlushesBetweenCheckpoints() {
        try (ConnectorTester tester =
                ConnectorTester.of(new TestConnectors.Paged()).flushRows(7)) {
            assertThat(tester.assertResumesFromEveryCheckpoint(
                                    ResumeCheckOptions.fromEmptyState().everyNthCheckpoint(4))
                            .checkedCheckpoints())
                    .containsExactly(4, 8, 10);
        }
    }

    @Test
    void checksEveryNthCheckpointAndTheLast() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            ResumeCheckReport report = tester.assertResumesFromEveryCheckpoint(
                    ResumeCheckOptions.fromEmptyState().everyNthCheckpoint(3).maxResumeAttempts(1));

            assertThat(report.checkedCheckpoints()).containsExactly(3, 6, 9, 10);
        }
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> ResumeCheckOptions.fromEmptyState().everyNthCheckpoint(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResumeCheckOptions.fromEmptyState().maxResumeAttempts(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
