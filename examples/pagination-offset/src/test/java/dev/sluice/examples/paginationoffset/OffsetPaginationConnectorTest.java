package dev.sluice.examples.paginationoffset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.User;
import dev.sluice.testkit.ConnectorContractTest;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ExpectedSync;
import dev.sluice.testkit.OperationCounts;
import dev.sluice.testkit.SyncOutcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A full sync: every sync reads every user again, so users deleted at the source stay. */
class OffsetPaginationConnectorTest extends ConnectorContractTest {

    @AutoClose
    private final Playground playground = Playground.start(PlaygroundOptions.defaults());

    private List<User> usersBeforeChange;

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(OffsetPaginationConnector::new)
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", "40"));
    }

    @Override
    protected ExpectedSync firstSync() {
        List<User> users = playground.snapshot().users();
        return ExpectedSync.expect()
                .operations(OperationCounts.onlyUpserts(200))
                .checkpoints(6) // 5 pages of 40, then the end
                .keys("users", "id", ids(users))
                .records("users", "id", users)
                .and(tester -> assertThat(tester.state().has("offset"))
                        .as("a finished sync clears the offset")
                        .isFalse());
    }

    @Override
    protected void changeSource() {
        usersBeforeChange = playground.snapshot().users();
        playground.advance(2);
    }

    @Override
    protected ExpectedSync secondSync() {
        List<User> after = playground.snapshot().users();
        Set<String> everSeen = new TreeSet<>(ids(usersBeforeChange));
        everSeen.addAll(ids(after));
        assertThat(everSeen).as("the change deletes users").hasSizeGreaterThan(after.size());
        return ExpectedSync.expect()
                .operations(OperationCounts.onlyUpserts(after.size())) // a full sync reads everyone again
                .written("users", "id", ids(after))
                .keys("users", "id", everSeen) // deleted users stay: offset paging cannot see them go
                .records("users", "id", after);
    }

    @Test
    void anInterruptedSyncResumesAtTheSavedOffset() {
        tester().syncStoppingAfterCheckpoint(2).assertFailed();
        assertThat(tester().state().getLong("offset", -1)).isEqualTo(80);

        SyncOutcome resumed = tester().sync().assertSucceeded();

        assertThat(resumed.metrics().upserts())
                .as("only the pages after offset 80")
                .isEqualTo(120);
        ExpectedSync.expect()
                .keys("users", "id", ids(playground.snapshot().users()))
                .records("users", "id", playground.snapshot().users())
                .assertMetBy(tester());
    }

    @Test
    void usersAddedOrDeletedBetweenPagesShiftTheOffsetsSoSomeAreSkipped() {
        tester().syncCallingAfterCheckpoint(1, () -> playground.advance(3)).assertSucceeded();

        Set<Object> synced =
                tester().rows("users").stream().map(row -> row.get("id")).collect(Collectors.toSet());
        List<String> skipped = playground.snapshot().users().stream()
                .map(User::id)
                .filter(id -> !synced.contains(id))
                .toList();
        assertThat(skipped).as("users that moved to an offset already read").isNotEmpty();

        tester().sync().assertSucceeded();
        ExpectedSync.expect()
                .records("users", "id", playground.snapshot().users())
                .assertMetBy(tester());
    }

    private static List<String> ids(List<User> users) {
        return users.stream().map(User::id).toList();
    }
}
