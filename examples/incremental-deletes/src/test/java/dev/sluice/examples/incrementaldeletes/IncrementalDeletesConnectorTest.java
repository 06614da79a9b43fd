package dev.sluice.examples.incrementaldeletes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.Deletion;
import dev.sluice.playground.data.Snapshot;
import dev.sluice.playground.data.User;
import dev.sluice.testkit.ConnectorContractTest;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ExpectedSync;
import dev.sluice.testkit.OperationCounts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AutoClose;

/**
 * An incremental sync of two feeds, changed users and deleted ones: the second sync upserts the
 * new and updated users and soft-deletes the deleted ones, each user once.
 */
class IncrementalDeletesConnectorTest extends ConnectorContractTest {

    @AutoClose
    private final Playground playground = Playground.start(PlaygroundOptions.defaults());

    private List<User> usersBeforeChange;

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(IncrementalDeletesConnector::new)
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", "20"));
    }

    @Override
    protected ExpectedSync firstSync() {
        List<User> users = playground.snapshot().users();
        User last = users.get(199);
        return ExpectedSync.expect()
                .checkpoints(10) // 10 pages of users; the deletes feed is still empty
                .operations(OperationCounts.onlyUpserts(200))
                .keys("users", "id", ids(users))
                .rows("users", "id", rows(users))
                .and(tester -> assertThat(tester.state().get("users_cursor"))
                        .isEqualTo(Map.of("timestamp", last.updatedAt().toString(), "ids", List.of(last.id()))));
    }

    @Override
    protected void changeSource() {
        usersBeforeChange = playground.snapshot().users();
        playground.advance(3);
    }

    @Override
    protected ExpectedSync secondSync() {
        Snapshot now = playground.snapshot();
        Set<String> before = new TreeSet<>(ids(usersBeforeChange));
        Set<String> deleted =
                new TreeSet<>(now.deletions().stream().map(Deletion::id).toList());
        assertThat(deleted).as("3 steps delete 2 users each").hasSize(3 * 2);
        List<String> upserted = now.users().stream()
                .filter(user -> !usersBeforeChange.contains(user))
                .map(User::id)
                .toList();
        assertThat(upserted).as("3 steps add 12 users and update some").hasSizeGreaterThan(12);
        Set<String> softDeleted = new TreeSet<>(deleted);
        softDeleted.retainAll(before); // a user created and deleted between two syncs never lands
        Set<String> everSeen = new TreeSet<>(before);
        everSeen.addAll(ids(now.users()));
        Set<String> written = new TreeSet<>(upserted);
        written.addAll(softDeleted);
        return ExpectedSync.expect()
                .checkpoints(3) // two pages of changed users, one of deletes
                .operations(OperationCounts.of(25, 0, 6))
                .written("users", "id", written)
                .keys("users", "id", everSeen) // every user ever seen, once
                .liveKeys("users", "id", ids(now.users()))
                .rows("users", "id", rows(now.users())) // new and updated values
                .and(tester -> softDeleted.forEach(id -> assertThat(tester.row("users", "id", id))
                        .as("deleted user " + id)
                        .containsEntry("_fivetran_deleted", true)
                        .containsEntry("email", email(usersBeforeChange, id)))); // with its last values
    }

    private static List<String> ids(List<User> users) {
        return users.stream().map(User::id).toList();
    }

    /** The values each user's row must have; updated_at is the API's text, as the connector writes it. */
    private static List<Map<String, Object>> rows(List<User> users) {
        return users.stream()
                .<Map<String, Object>>map(user -> Map.of(
                        "id",
                        user.id(),
                        "name",
                        user.name(),
                        "email",
                        user.email(),
                        "job",
                        user.job(),
                        "updated_at",
                        user.updatedAt().toString()))
                .toList();
    }

    private static String email(List<User> users, String id) {
        return users.stream()
                .filter(user -> user.id().equals(id))
                .findFirst()
                .orElseThrow()
                .email();
    }
}
