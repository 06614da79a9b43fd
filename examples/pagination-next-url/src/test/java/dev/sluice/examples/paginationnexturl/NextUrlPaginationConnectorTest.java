package dev.sluice.examples.paginationnexturl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.User;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ResumeCheckOptions;
import dev.sluice.testkit.ResumeCheckReport;
import dev.sluice.testkit.SyncOutcome;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NextUrlPaginationConnectorTest {

    private final Playground playground = Playground.start(PlaygroundOptions.defaults());

    @AfterEach
    void stopPlayground() {
        playground.close();
    }

    private ConnectorTester tester() {
        return ConnectorTester.of(NextUrlPaginationConnector::new)
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", "40"));
    }

    @Test
    void syncsEveryUserExactlyOnceWithThePlaygroundsValues() {
        try (ConnectorTester tester = tester()) {
            SyncOutcome sync = tester.sync().assertSucceeded();

            assertThat(sync.metrics().upserts()).as("each user once").isEqualTo(200);
            assertThat(tester.rows("users")).hasSize(200);
            assertThat(sync.checkpoints()).as("one per page of 40").isEqualTo(5);
            assertRowsMatch(tester, playground.snapshot().users());
        }
    }

    @Test
    void theNextSyncBringsExactlyTheNewAndUpdatedUsers() {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();
            Map<String, User> before = byId(playground.snapshot().users());
            Map<Object, Object> syncedBefore = syncedAtById(tester);

            List<User> after = playground.advance(3).users();
            SyncOutcome next = tester.sync().assertSucceeded();

            Set<String> changed = after.stream().filter(user -> !user.equals(before.get(user.id())))
                    .map(User::id).collect(Collectors.toSet());
            assertThat(changed).as("3 steps add 12 users and update about 15").hasSizeGreaterThan(12);
            assertThat(next.metrics().upserts()).isEqualTo(changed.size());
            Map<Object, Object> syncedAfter = syncedAtById(tester);
            assertThat(syncedAfter.keySet().stream().filter(id -> !syncedAfter.get(id).equals(syncedBefore.get(id))))
                    .as("the rows the second sync wrote").containsExactlyInAnyOrderElementsOf(changed);
            assertRowsMatch(tester, after);
            Set<String> everSeen = new HashSet<>(before.keySet());
            after.forEach(user -> everSeen.add(user.id()));
            assertThat(syncedAfter.keySet()).as("deleted users stay: this feed does not report deletions")
                    .containsExactlyInAnyOrderElementsOf(everSeen);
        }
    }

    @Test
    void stateHoldsTheLastUpdatedAtAndTheIdsReadAtIt() {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();

            User last = playground.snapshot().users().get(199);
            assertThat(tester.state().get("users_cursor"))
                    .isEqualTo(Map.of("timestamp", last.updatedAt().toString(), "ids", List.of(last.id())));
        }
    }

    @Test
    void aUserUpdatedDuringASyncCanShiftAnotherPastTheCursorForGood() {
        try (ConnectorTester tester = tester()) {
            tester.syncCallingAfterCheckpoint(1, () -> playground.advance(3)).assertSucceeded();
            tester.sync().assertSucceeded();

            Set<Object> synced = tester.rows("users").stream().map(row -> row.get("id")).collect(Collectors.toSet());
            List<User> missed = playground.snapshot().users().stream().filter(user -> !synced.contains(user.id())).toList();
            assertThat(missed).as("users that slipped into a page already read, older than the cursor").isNotEmpty();
            Instant cursor = Instant.parse((String) ((Map<?, ?>) tester.state().get("users_cursor")).get("timestamp"));
            assertThat(missed).allSatisfy(user -> assertThat(user.updatedAt()).isBefore(cursor));
        }
    }

    @Test
    void resumesFromEveryCheckpointOfTheFirstSyncAndOfTheNext() {
        try (ConnectorTester tester = tester()) {
            ResumeCheckReport first = tester.assertResumesFromEveryCheckpoint();
            assertThat(first.checkpointsChecked()).isEqualTo(5);
            assertThat(first.referenceRows()).containsEntry("users", 200);

            tester.sync().assertSucceeded();
            playground.advance(12);
            ResumeCheckReport next = tester.assertResumesFromEveryCheckpoint(ResumeCheckOptions.fromCurrentState());
            assertThat(next.checkpointsChecked()).as("about 100 changed users, in pages of 40").isEqualTo(3);
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

    private static Map<String, User> byId(List<User> users) {
        return users.stream().collect(Collectors.toMap(User::id, user -> user));
    }

    private static Map<Object, Object> syncedAtById(ConnectorTester tester) {
        return tester.rows("users").stream().collect(Collectors.toMap(row -> row.get("id"), row -> row.get("_fivetran_synced")));
    }
}
