package dev.sluice.examples.incrementaldeletes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.Deletion;
import dev.sluice.playground.data.Snapshot;
import dev.sluice.playground.data.User;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ResumeCheckOptions;
import dev.sluice.testkit.ResumeCheckReport;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncrementalDeletesConnectorTest {

    private Playground playground;

    @BeforeEach
    void startPlayground() {
        playground = Playground.start(PlaygroundOptions.defaults());
    }

    @AfterEach
    void stopPlayground() {
        playground.close();
    }

    @Test
    void theFirstSyncLoadsEveryUserOnceWithItsValues() {
        try (ConnectorTester tester =
                ConnectorTester.of(new IncrementalDeletesConnector()).configuration(configuration())) {
            assertThat(tester.sync().assertSucceeded().checkpoints())
                    .as("10 pages of users; the deletes feed is still empty")
                    .isEqualTo(10);

            assertLiveUsersMatch(tester, playground.snapshot());
            User last = playground.snapshot().users().get(199);
            assertThat(tester.state().asMap().get("users_cursor"))
                    .isEqualTo(Map.of("timestamp", last.updatedAt().toString(), "ids", List.of(last.id())));
        }
    }

    @Test
    void theNextSyncAddsUpdatesAndSoftDeletesWithoutDuplicates() {
        try (ConnectorTester tester =
                ConnectorTester.of(new IncrementalDeletesConnector()).configuration(configuration())) {
            tester.sync().assertSucceeded();
            Map<Object, Map<String, Object>> before = byId(tester.rows("users"));
            Snapshot now = playground.advance(3);

            tester.sync().assertSucceeded();

            Set<String> deleted = now.deletions().stream().map(Deletion::id).collect(Collectors.toSet());
            assertThat(deleted).hasSize(3 * 2);
            Set<Object> everSeen = new HashSet<>(before.keySet());
            now.users().forEach(user -> everSeen.add(user.id()));
            assertThat(tester.rows("users"))
                    .extracting(row -> row.get("id"))
                    .as("every user once, no other row")
                    .containsExactlyInAnyOrderElementsOf(everSeen);
            assertLiveUsersMatch(tester, now);
            Map<Object, Map<String, Object>> after = byId(tester.rows("users"));
            for (String id : deleted) {
                if (!before.containsKey(id)) {
                    assertThat(after)
                            .as("a user created and deleted between two syncs")
                            .doesNotContainKey(id);
                    continue;
                }
                assertThat(after.get(id))
                        .as("deleted user " + id)
                        .containsEntry("_fivetran_deleted", true)
                        .containsEntry("email", before.get(id).get("email"));
            }
            long updated = now.users().stream()
                    .filter(user -> before.containsKey(user.id()))
                    .filter(user -> !updatedAt(before.get(user.id())).equals(user.updatedAt()))
                    .count();
            assertThat(updated).as("users updated by the change steps").isPositive();
        }
    }

    @Test
    void resumesFromEveryCheckpointOfTheFirstSyncAndOfTheNext() {
        try (ConnectorTester tester =
                ConnectorTester.of(new IncrementalDeletesConnector()).configuration(configuration())) {
            tester.assertResumesFromEveryCheckpoint();

            tester.sync().assertSucceeded();
            playground.advance(3);
            ResumeCheckReport next = tester.assertResumesFromEveryCheckpoint(ResumeCheckOptions.fromCurrentState());
            assertThat(next.referenceCheckpoints())
                    .as("two pages of changed users, one of deletes")
                    .isEqualTo(3);
        }
    }

    private Map<String, String> configuration() {
        return Map.of("base_url", playground.baseUrl(), "page_size", "20");
    }

    /** Every live user of the snapshot is a live row with its values; no other row is live. */
    private static void assertLiveUsersMatch(ConnectorTester tester, Snapshot snapshot) {
        Map<Object, Map<String, Object>> live = byId(tester.liveRows("users"));
        assertThat(live).hasSize(snapshot.users().size());
        for (User user : snapshot.users()) {
            assertThat(live.get(user.id()))
                    .as("user " + user.id())
                    .containsEntry("name", user.name())
                    .containsEntry("email", user.email())
                    .containsEntry("job", user.job());
            assertThat(updatedAt(live.get(user.id()))).isEqualTo(user.updatedAt());
        }
    }

    private static Instant updatedAt(Map<String, Object> row) {
        return Instant.parse((String) row.get("updated_at"));
    }

    private static Map<Object, Map<String, Object>> byId(List<Map<String, Object>> rows) {
        return rows.stream().collect(Collectors.toMap(row -> row.get("id"), row -> row));
    }
}
