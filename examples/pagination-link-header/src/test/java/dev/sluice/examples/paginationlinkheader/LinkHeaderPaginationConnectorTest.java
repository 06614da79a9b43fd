package dev.sluice.examples.paginationlinkheader;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.Snapshot;
import dev.sluice.playground.data.User;
import dev.sluice.testkit.ConnectorContractTest;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ExpectedSync;
import dev.sluice.testkit.OperationCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;

/** A full sync that follows rel="next" links; the contract's checks are all it needs. */
class LinkHeaderPaginationConnectorTest extends ConnectorContractTest {

    @AutoClose
    private final Playground playground = Playground.start(PlaygroundOptions.defaults());

    private final List<Snapshot> snapshotsSynced = new ArrayList<>();

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(LinkHeaderPaginationConnector::new)
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", "40"));
    }

    @Override
    protected ExpectedSync firstSync() {
        Snapshot snapshot = playground.snapshot();
        return ExpectedSync.expect()
                .operations(OperationCounts.onlyUpserts(200)) // each user once
                .checkpoints(5) // one per page; page 5 has no rel="next" link
                .keys("users", "id", snapshot.users().stream().map(User::id).toList())
                .records("users", "id", snapshot.users());
    }

    @Override
    protected void changeSource() {
        snapshotsSynced.add(playground.snapshot());
        snapshotsSynced.add(playground.advance(2));
    }

    @Override
    protected ExpectedSync secondSync() {
        Snapshot now = playground.snapshot();
        return ExpectedSync.expect()
                .operations(OperationCounts.onlyUpserts(now.users().size())) // every link followed again
                .written("users", "id", now.users().stream().map(User::id).toList())
                .keys(
                        "users",
                        "id",
                        snapshotsSynced.stream()
                                .flatMap(snapshot -> snapshot.users().stream())
                                .map(User::id)
                                .distinct()
                                .toList()) // users deleted at the source stay
                .records("users", "id", now.users());
    }
}
