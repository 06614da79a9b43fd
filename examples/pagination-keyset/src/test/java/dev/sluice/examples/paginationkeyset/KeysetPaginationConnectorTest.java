package dev.sluice.examples.paginationkeyset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
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
import org.junit.jupiter.api.Test;

/**
 * An incremental sync from the (updated_at, id) of the last user read: the second sync brings
 * exactly the new and updated users, and a listing that changes mid-sync skips no one.
 */
class KeysetPaginationConnectorTest extends ConnectorContractTest {

    @AutoClose
    private final Playground playground = Playground.start(PlaygroundOptions.defaults());

    private List<User> usersBeforeChange;

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(KeysetPaginationConnector::new)
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", "40"));
    }

    @Override
    protected ExpectedSync firstSync() {
        List<User> users = playground.snapshot().users();
        User last = users.get(199);
        return ExpectedSync.expect()
                .operations(OperationCounts.onlyUpserts(200)) // each user once
                .checkpoints(5) // one per page of 40
                .keys("users", "id", users.stream().map(User::id).toList())
                .records("users", "id", users)
                .and(tester -> assertThat(tester.state().get("users_cursor"))
                        .as("the last updated_at and the ids read at it")
                        .isEqualTo(Map.of("timestamp", last.updatedAt().toString(), "ids", List.of(last.id()))));
    }

    @Override
    protected void changeSource() {
        usersBeforeChange = playground.snapshot().users();
        playground.advance(12);
    }

    @Override
    protected ExpectedSync secondSync() {
        List<User> after = playground.snapshot().users();
        List<String> changed = after.stream()
                .filter(user -> !usersBeforeChange.contains(user))
                .map(User::id)
                .toList();
        assertThat(changed).as("12 steps add 48 users and update about 60").hasSizeGreaterThan(48);
        Set<String> everSeen = new TreeSet<>(changed);
        usersBeforeChange.forEach(user -> everSeen.add(user.id()));
        return ExpectedSync.expect()
                .operations(OperationCounts.onlyUpserts(changed.size()))
                .checkpoints(3) // about 100 changed users, in pages of 40
                .written("users", "id", changed)
                .keys("users", "id", everSeen) // deleted users stay: this feed does not report deletions
                .records("users", "id", after);
    }

    @Test
    void changesBetweenPagesMakeTheListingSkipNoOne() {
        tester().syncCallingAfterCheckpoint(1, () -> playground.advance(3)).assertSucceeded();

        assertThat(playground.snapshot().steps()).isEqualTo(3);
        ExpectedSync.expect()
                .records("users", "id", playground.snapshot().users())
                .assertMetBy(tester());
    }
}
