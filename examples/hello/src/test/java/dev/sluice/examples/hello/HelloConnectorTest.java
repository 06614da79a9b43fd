package dev.sluice.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ConnectorContractTest;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ExpectedSync;
import dev.sluice.testkit.OperationCounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's checks, and what a keyless table adds to them. */
class HelloConnectorTest extends ConnectorContractTest {

    private static final List<String> GREETING = List.of("hello, world");

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(new HelloConnector()).configurationFile(Path.of("configuration.json"));
    }

    @Override
    protected ExpectedSync firstSync() {
        return ExpectedSync.expect()
                .checkpoints(1)
                .operations(OperationCounts.onlyUpserts(1))
                .keys("greetings", "message", GREETING)
                .rows("greetings", "message", List.of(Map.of("message", "hello, world", "_fivetran_deleted", false)))
                .and(tester -> assertThat(tester.tables()).containsExactly("greetings"));
    }

    @Override
    protected ExpectedSync secondSync() {
        return ExpectedSync.expect()
                .operations(OperationCounts.onlyUpserts(1)) // the same row again
                .written("greetings", "message", GREETING)
                .keys("greetings", "message", GREETING); // identical rows collapse
    }

    @Test
    void theKeylessRowGetsAFivetranIdThatASecondSyncKeeps() {
        tester().sync().assertSucceeded();
        assertThat(tester().columns("greetings"))
                .containsExactlyInAnyOrder("message", "_fivetran_id", "_fivetran_synced", "_fivetran_deleted");
        Object id = tester().rows("greetings").get(0).get("_fivetran_id");
        assertThat(id).isNotNull();

        tester().sync().assertSucceeded();

        assertThat(tester().rows("greetings"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("_fivetran_id", id));
    }
}
