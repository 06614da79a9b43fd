package dev.sluice.examples.paginationnexturl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.Snapshot;
import dev.sluice.playground.data.User;
import dev.sluice.testkit.ConnectorContractTest;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ExpectedSync;
import dev.sluice.testkit.OperationCounts;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * An incremental sync that follows the next URLs of an updated_at listing: the second sync
 * brings exactly the new and updated users, but a user updated mid-sync can be missed for good.
 */
class NextUrlPaginationConnectorTest extends ConnectorContractTest {

    @AutoClose
    private final Playground playground = Playground.start(PlaygroundOptions.defaults());

    private final Map<String, User> usersById = new HashMap<>();

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(NextUrlPaginationConnector::new)
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", "40"));
    }

    @Override
    protected ExpectedSync firstSync() {
        Snapshot first = playground.snapshot();
        User newest = first.users().get(199);
        return ExpectedSync.expect()
                .checkpoints(5) // one per page of 40
                .operations(OperationCounts.onlyUpserts(200)) // each user once
                .keys("users", "id", first.users().stream().map(User::id).toList())
                .records("users", "id", first.users())
                .and(tester -> assertThat(tester.state().get("users_cursor"))
                        .as("the state after the first sync")
                        .isEqualTo(Map.of("timestamp", newest.updatedAt().toString(), "ids", List.of(newest.id()))));
    }

    @Override
    protected void changeSource() {
        playground.snapshot().users().forEach(user -> usersById.put(user.id(), user));
        playground.advance(12);
    }

    @Override
    protected ExpectedSync secondSync() {
        Snapshot now = playground.snapshot();
        Set<String> newOrUpdated = now.users().stream()
                .filter(user -> !user.equals(usersById.get(user.id())))
                .map(User::id)
                .collect(Collectors.toSet());
        assertThat(newOrUpdated).as("12 steps add 48 users and update about 60").hasSizeGreaterThan(48);
        Set<String> allIds = now.users().stream().map(User::id).collect(Collectors.toSet());
        allIds.addAll(usersById.keySet());
        return ExpectedSync.expect()
                .checkpoints(3) // about 100 changed users, in pages of 40
                .operations(OperationCounts.onlyUpserts(newOrUpdated.size()))
                .written("users", "id", newOrUpdated)
                .keys("users", "id", allIds) // deleted users stay: this feed does not report deletions
                .records("users", "id", now.users());
    }

    @Test
    void aUserUpdatedDuringASyncCanShiftAnotherPastTheCursorForGood() {
        tester().syncCallingAfterCheckpoint(1, () -> playground.advance(3)).assertSucceeded();
        tester().sync().assertSucceeded();

        Set<Object> synced =
                tester().rows("users").stream().map(row -> row.get("id")).collect(Collectors.toSet());
        List<User> missed = playground.snapshot().users().stream()
                .filter(user -> !synced.contains(user.id()))
                .toList();
        assertThat(missed)
                .as("users that slipped into a page already read, older than the cursor")
                .isNotEmpty();
        Instant cursor = Instant.parse((String) ((Map<?, ?>) tester().state().get("users_cursor")).get("timestamp"));
        assertThat(missed).allSatisfy(user -> assertThat(user.updatedAt()).isBefore(cursor));
    }
}
