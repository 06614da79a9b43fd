package dev.sluice.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ConnectorTester;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HelloConnectorTest {

    @Test
    void greetsTheWorldWithOneKeylessRow() {
        try (ConnectorTester tester = ConnectorTester.of(new HelloConnector())
                .configurationFile(Path.of("configuration.json"))) {
            tester.sync().assertSucceeded();

            assertThat(tester.tables()).containsExactly("greetings");
            assertThat(tester.columns("greetings"))
                    .containsExactlyInAnyOrder("message", "_fivetran_id", "_fivetran_synced", "_fivetran_deleted");
            assertThat(tester.rows("greetings")).singleElement().satisfies(row -> {
                assertThat(row).containsEntry("message", "hello, world").containsEntry("_fivetran_deleted", false);
                assertThat(row.get("_fivetran_id")).isNotNull();
            });
        }
    }

    @Test
    void aSecondSyncStillGivesOneRowBecauseIdenticalRowsCollapse() {
        try (ConnectorTester tester = ConnectorTester.of(new HelloConnector())) {
            tester.sync().assertSucceeded();
            Object id = tester.rows("greetings").get(0).get("_fivetran_id");

            tester.sync().assertSucceeded();

            assertThat(tester.rows("greetings")).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("_fivetran_id", id));
        }
    }

    @Test
    void resumesFromItsCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new HelloConnector())) {
            assertThat(tester.assertResumesFromEveryCheckpoint().checkpointsChecked()).isEqualTo(1);
        }
    }
}
