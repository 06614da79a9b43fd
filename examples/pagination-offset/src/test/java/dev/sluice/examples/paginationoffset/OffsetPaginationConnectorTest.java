package dev.sluice.examples.paginationoffset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.User;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ResumeCheckReport;
import dev.sluice.testkit.SyncOutcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OffsetPaginationConnectorTest {

    private final Playground playground = Playground.start(PlaygroundOptions.defaults());

    @AfterEach
    void stopPlayground() {
        playground.close();
    }

    private ConnectorTester tester() {
        return ConnectorTester.of(OffsetPaginationConnector::new)
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", "40"));
    }

    @Test
    void syncsEveryUserExactlyOnceWithThePlaygroundsValues() {
        try (ConnectorTester tester = tester()) {
            SyncOutcome sync = tester.sync().assertSucceeded();

            assertThat(sync.metrics().upserts()).as("each user once").isEqualTo(200);
            assertThat(sync.checkpoints()).as("5 pages of 40, then the end").isEqualTo(6);
            assertRowsMatch(tester, playground.snapshot().users());
            assertThat(tester.state().has("offset")).as("a finished sync clears the offset").isFalse();
        }
    }

    @Test
    void anInterruptedSyncResumesAtTheSavedOffset() {
        try (ConnectorTester tester = tester()) {
            tester.syncStoppingAfterCheckpoint(2).assertFailed();
            assertThat(tester.state().getLong("offset", -1)).isEqualTo(80);

            SyncOutcome resumed = tester.sync().assertSucceeded();

            assertThat(resumed.metrics().upserts()).as("only the pages after offset 80").isEqualTo(120);
            assertRowsMatch(tester, playground.snapshot().users());
        }
    }

    @Test
    void theNextFullSyncBringsNewAndUpdatedUsersAndKeepsDeletedOnes() {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();
            List<User> before = playground.snapshot().users();

            List<User> after = playground.advance(2).users();
            SyncOutcome next = tester.sync().assertSucceeded();

            assertThat(next.metrics().upserts()).as("a full sync reads everyone again").isEqualTo(after.size());
            assertRowsMatch(tester, after);
            long deleted = before.stream().filter(user -> after.stream().noneMatch(u -> u.id().equals(user.id()))).count();
            assertThat(deleted).isPositive();
            assertThat(tester.rows("users")).as("deleted users stay: offset paging cannot see them go")
                    .hasSize(after.size() + (int) deleted);
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

    @Test
    void usersAddedOrDeletedBetweenPagesShiftTheOffsetsSoSomeAreSkipped() {
        try (ConnectorTester tester = tester()) {
            tester.syncCallingAfterCheckpoint(1, () -> playground.advance(3)).assertSucceeded();

            Set<Object> synced = tester.rows("users").stream().map(row -> row.get("id")).collect(Collectors.toSet());
            List<String> skipped = playground.snapshot().users().stream().map(User::id)
                    .filter(id -> !synced.contains(id)).toList();
            assertThat(skipped).as("users that moved to an offset already read").isNotEmpty();

            tester.sync().assertSucceeded();
            assertRowsMatch(tester, playground.snapshot().users());
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
