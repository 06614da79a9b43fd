package dev.sluice.examples.paginationcursor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.User;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ResumeCheckReport;
import dev.sluice.testkit.SyncOutcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CursorPaginationConnectorTest {

    private final Playground playground = Playground.start(PlaygroundOptions.defaults());

    @AfterEach
    void stopPlayground() {
        playground.close();
    }

    private ConnectorTester tester() {
        return ConnectorTester.of(CursorPaginationConnector::new)
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", "40"));
    }

    @Test
    void syncsEveryUserExactlyOnceWithThePlaygroundsValues() {
        try (ConnectorTester tester = tester()) {
            SyncOutcome sync = tester.sync().assertSucceeded();

            assertThat(sync.metrics().upserts()).as("each user once").isEqualTo(200);
            assertThat(tester.rows("users")).hasSize(200);
            assertThat(sync.checkpoints()).as("5 pages of 40, then the end").isEqualTo(6);
            assertRowsMatch(tester, playground.snapshot().users());
            assertThat(tester.state().getString("cursor")).as("a finished sync clears the token").isNull();
        }
    }

    @Test
    void anInterruptedSyncResumesFromTheSavedToken() {
        try (ConnectorTester tester = tester()) {
            tester.syncStoppingAfterCheckpoint(2).assertFailed();
            assertThat(tester.state().getString("cursor")).isNotBlank();

            SyncOutcome resumed = tester.sync().assertSucceeded();

            assertThat(resumed.metrics().upserts()).as("only the pages after the second").isEqualTo(120);
            assertRowsMatch(tester, playground.snapshot().users());
        }
    }

    @Test
    void changesBetweenPagesMakeTheListingSkipNoOne() {
        try (ConnectorTester tester = tester()) {
            tester.syncCallingAfterCheckpoint(1, () -> playground.advance(3)).assertSucceeded();

            assertThat(playground.snapshot().steps()).isEqualTo(3);
            assertRowsMatch(tester, playground.snapshot().users());
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = tester()) {
            ResumeCheckReport report = tester.assertResumesFromEveryCheckpoint();

            assertThat(report.checkpointsChecked()).isEqualTo(6);
            assertThat(report.referenceRows()).containsEntry("users", 200);
        }
    }

    /** Each user has its row, with the values the playground serves. */
    private static void assertRowsMatch(ConnectorTester tester, List<User> users) {
        Map<Object, Map<String, Object>> rows = tester.rows("users").stream()
                .collect(Collectors.toMap(row -> row.get("id"), row -> row));
        for (User user : users) {
            assertThat(rows.get(user.id())).as("user %s", user.id()).isNotNull()
                    .containsEntry("name", user.name())
                    .containsEntry("email", user.email())
                    .containsEntry("address", user.address())
                    .containsEntry("company", user.company())
                    .containsEntry("job", user.job())
                    .containsEntry("created_at", user.createdAt())
                    .containsEntry("updated_at", user.updatedAt());
        }
    }
}
