package dev.sluice.examples.paginationpagenumber;

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
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A full sync that keeps no state: each sync, even after a crash, starts at page 1. */
class PageNumberPaginationConnectorTest extends ConnectorContractTest {

    @AutoClose
    private final Playground playground = Playground.start(PlaygroundOptions.defaults());

    private final Set<String> everSeen = new TreeSet<>();

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(PageNumberPaginationConnector::new)
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", "40"));
    }

    @Override
    protected ExpectedSync firstSync() {
        return ExpectedSync.expect()
                .operations(OperationCounts.onlyUpserts(200)) // each user once
                .checkpoints(5) // one per page; total_pages says page 5 is the last
                .keys("users", "id", ids(playground.snapshot().users()))
                .records("users", "id", playground.snapshot().users());
    }

    @Override
    protected void changeSource() {
        everSeen.addAll(ids(playground.snapshot().users()));
        everSeen.addAll(ids(playground.advance(2).users()));
    }

    @Override
    protected ExpectedSync secondSync() {
        List<User> users = playground.snapshot().users();
        return ExpectedSync.expect()
                .operations(OperationCounts.onlyUpserts(users.size())) // every page again
                .written("users", "id", ids(users))
                .keys("users", "id", everSeen) // users deleted at the source stay
                .records("users", "id", users);
    }

    @Test
    void anInterruptedSyncStartsAgainFromTheFirstPage() {
        tester().syncStoppingAfterCheckpoint(2).assertFailed();
        assertThat(tester().state().isEmpty()).isTrue();

        SyncOutcome again = tester().sync().assertSucceeded();

        assertThat(again.operations()).isEqualTo(OperationCounts.onlyUpserts(200));
        ExpectedSync.expect()
                .records("users", "id", playground.snapshot().users())
                .assertMetBy(tester());
    }

    private static List<String> ids(List<User> users) {
        return users.stream().map(User::id).toList();
    }
}
