package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.ConfigurationForm;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.FormField;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sync gives the connector its form's defaults for the keys the configuration leaves out. */
class FormDefaultsTest {

    /** Writes the configuration it was given as one row. */
    static final class EchoesItsConfiguration implements Connector {
        @Override
        public ConfigurationForm configurationForm() {
            return ConfigurationForm.builder()
                    .field(FormField.dropdown("auth", "Auth", "header", "query").defaultValue("header"))
                    .field(FormField.text("page_size", "Page size").defaultValue("50"))
                    .field(FormField.text("api_key", "API key").required())
                    .build();
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            operations.upsert(
                    "seen",
                    Map.of(
                            "id", 1,
                            "auth", String.valueOf(configuration.get("auth")),
                            "page_size", String.valueOf(configuration.get("page_size")),
                            "api_key", String.valueOf(configuration.get("api_key"))));
            operations.checkpoint(state);
        }
    }

    @Test
    void aConfigurationGivenInCodeGetsTheDefaultsItLeavesOut() {
        try (ConnectorTester tester = ConnectorTester.of(new EchoesItsConfiguration())
                .configuration(Map.of("api_key", "k", "page_size", "10"))) {
            tester.sync().assertSucceeded();

            assertThat(tester.rows("seen").get(0))
                    .containsEntry("auth", "header")
                    .containsEntry("page_size", "10")
                    .containsEntry("api_key", "k");
        }
    }

    @Test
    void aConfigurationFileGetsTheDefaultsItLeavesOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("configuration.json");
        Files.writeString(file, "{\"api_key\": \"k\", \"auth\": \"query\"}");
        try (ConnectorTester tester =
                ConnectorTester.of(new EchoesItsConfiguration()).configurationFile(file)) {
            tester.sync().assertSucceeded();

            assertThat(tester.rows("seen").get(0))
                    .containsEntry("auth", "query")
                    .containsEntry("page_size", "50");
        }
    }
}
