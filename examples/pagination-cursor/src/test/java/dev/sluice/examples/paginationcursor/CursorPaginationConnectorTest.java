package dev.sluice.examples.paginationcursor;

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

/** A full sync through server-side cursor tokens: a listing that changes mid-sync skips no one. */
class CursorPaginationConnectorTest extends ConnectorContractTest {

    @AutoClose
    private final Playground playground = Playground.start(PlaygroundOptions.defaults());

    private final Set<String> usersEverListed = new TreeSet<>();

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(CursorPaginationConnector::new)
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", "40"));
    }

    @Override
    protected ExpectedSync firstSync() {
        List<User> users = playground.snapshot().users();
        return ExpectedSync.expect()
                .checkpoints(6) // 5 pages of 40, then the end
                .operations(OperationCounts.onlyUpserts(200)) // each user once
                .keys("users", "id", users.stream().map(User::id).toList())
                .records("users", "id", users)
                .and(tester -> assertThat(tester.state().getString("cursor"))
                        .as("a finished sync clears the token")
                        .isNull());
    }

    @Override
    protected void changeSource() {
        playground.snapshot().users().forEach(user -> usersEverListed.add(user.id()));
        playground.advance(2).users().forEach(user -> usersEverListed.add(user.id()));
    }

    @Override
    protected ExpectedSync secondSync() {
        List<User> listed = playground.snapshot().users();
        return ExpectedSync.expect()
                .operations(OperationCounts.onlyUpserts(listed.size())) // the whole listing again
                .written("users", "id", listed.stream().map(User::id).toList())
                .keys("users", "id", usersEverListed) // users deleted at the source stay
                .records("users", "id", listed);
    }

    @Test
    void anInterruptedSyncResumesFromTheSavedToken() {
        tester().syncStoppingAfterCheckpoint(2).assertFailed();
        assertThat(tester().state().getString("cursor")).isNotBlank();

        SyncOutcome resumed = tester().sync().assertSucceeded();

        assertThat(resumed.metrics().upserts())
                .as("only the pages after the second")
                .isEqualTo(120);
        ExpectedSync.expect()
                .records("users", "id", playground.snapshot().users())
                .assertMetBy(tester());
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
