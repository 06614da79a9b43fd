package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCallingAfterCheckpointTest {

    @Test
    void callsTheActionOnceOnTheConnectorsThreadOnceTheCheckpointIsDurableThenTheSyncGoesOn(@TempDir Path copy) {
        RecordsItsThread connector = new RecordsItsThread();
        try (ConnectorTester tester = ConnectorTester.of(connector)) {
            List<String> threads = new ArrayList<>();

            SyncOutcome run = tester.syncCallingAfterCheckpoint(4, () -> {
                        threads.add(Thread.currentThread().getName());
                        ProjectFiles.copyFilesFolder(tester.projectDir(), copy);
                    })
                    .assertSucceeded();

            assertThat(threads).containsExactly(connector.thread);
            assertThat(run.checkpoints()).isEqualTo(10);
            assertThat(run.metrics().upserts()).isEqualTo(1000);
            assertThat(tester.rows("items")).hasSize(1000);
        }
        try (ConnectorTester atTheAction =
                ConnectorTester.of(new TestConnectors.Paged()).projectDir(copy)) {
            assertThat(atTheAction.state().getLong("next_page", -1))
                    .as("state saved by checkpoint 4")
                    .isEqualTo(4);
            assertThat(atTheAction.rows("items"))
                    .as("the rows of checkpoints 1 to 4, committed")
                    .hasSize(400);
        }
    }

    @Test
    void whatTheActionChangesIsSeenByTheRestOfTheSync() {
        GrowingSource connector = new GrowingSource();
        try (ConnectorTester tester = ConnectorTester.of(connector)) {
            tester.syncCallingAfterCheckpoint(1, () -> connector.pages = 5).assertSucceeded();

            assertThat(tester.rows("items")).hasSize(500);
        }
    }

    @Test
    void anActionThatThrowsFailsTheSyncWithItsMessageAndKeepsThatCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            IllegalStateException thrown = new IllegalStateException("the source went away");

            SyncOutcome run = tester.syncCallingAfterCheckpoint(3, () -> {
                throw thrown;
            });

            run.assertFailedWith("the source went away");
            assertThat(run.failure()).isSameAs(thrown);
            assertThat(run.failureMessage())
                    .isEqualTo("update() failed: java.lang.IllegalStateException: the source went away");
            assertThat(tester.rows("items")).hasSize(300);
            assertThat(tester.state().getLong("next_page", -1)).isEqualTo(3);

            tester.sync().assertSucceeded();
            assertThat(tester.rows("items")).hasSize(1000);
        }
    }

    @Test
    void aSyncExceptionFromTheActionIsReportedAsAConnectorsSyncExceptionIs() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            SyncOutcome run = tester.syncCallingAfterCheckpoint(1, () -> {
                throw new SyncException("the API answered 429 Too Many Requests");
            });

            assertThat(run.failureMessage()).isEqualTo("the API answered 429 Too Many Requests");
        }
    }

    @Test
    void refusesACheckpointBelowOne() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            assertThatThrownBy(() -> tester.syncCallingAfterCheckpoint(0, () -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Checkpoints are numbered from 1, not 0");
            assertThatThrownBy(() -> tester.syncCallingAfterCheckpoint(-2, () -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Checkpoints are numbered from 1, not -2");
            assertThat(tester.lastSync()).as("no sync ran").isNull();
        }
    }

    @Test
    void aSyncThatNeverReachesTheCheckpointIsAnAssertionFailureNotASilentPass() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            int[] calls = {0};

            assertThatThrownBy(() -> tester.syncCallingAfterCheckpoint(11, () -> calls[0]++))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Sync 1 succeeded after 10 checkpoints, so the action for checkpoint 11 never ran:"
                            + " pick a checkpoint from 1 to 10");
            assertThat(calls[0]).isZero();
            assertThat(tester.lastSync().succeeded()).isTrue();
        }
    }

    @Test
    void aSyncThatFailsBeforeTheCheckpointIsReturnedWithoutCallingTheAction() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.FailsAfter(2))) {
            int[] calls = {0};

            SyncOutcome run = tester.syncCallingAfterCheckpoint(5, () -> calls[0]++);

            run.assertFailedWith("503 Service Unavailable");
            assertThat(calls[0]).isZero();
        }
    }

    /** {@link TestConnectors.Paged}, noting the thread it runs on. */
    private static final class RecordsItsThread extends TestConnectors.Paged {
        private volatile String thread;

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            thread = Thread.currentThread().getName();
            super.update(configuration, state, operations);
        }
    }

    /** Reads as many pages as the source has at the moment it asks. */
    private static final class GrowingSource extends TestConnectors.Paged {
        private volatile int pages = 2;

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            for (long page = state.getLong("next_page", 0); page < pages; page++) {
                emitPage(page, operations);
                operations.checkpoint(state.put("next_page", page + 1));
            }
        }
    }
}
