package dev.sluice.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.CliRun;
import dev.sluice.cli.fixture.ConnectorProjects;
import dev.sluice.engine.warehouse.WarehouseReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code sluice debug} tells when the connector fails: what the warehouse holds, why, and where. */
class DebugFailureTest {

    private static final String OOPS = """
            package com.example;
            import dev.sluice.sdk.*;
            import java.util.Map;
            public class OopsConnector implements Connector {
              @Override public void update(Configuration configuration, State state, Operations operations) {
                operations.upsert("things", Map.of("id", 1));
                operations.checkpoint(state);
                operations.upsert("things", Map.of("id", 2));
                operations.upsert("things", Map.of("id", measure(configuration.get("absent"))));
              }
              private static int measure(String s) {
                return s.length();
              }
            }
            """;

    private static final String NEEDS_KEY = """
            package com.example;
            import dev.sluice.sdk.*;
            public class NeedsKey implements Connector {
              @Override public void update(Configuration configuration, State state, Operations operations) {
                configuration.require("api_key");
              }
            }
            """;

    @TempDir
    Path tmp;

    private Path project(String className, String source) throws Exception {
        Path project = ConnectorProjects.create(
                tmp.resolve("project"),
                Map.of("com.example." + className, source),
                List.of("com.example." + className));
        Files.writeString(project.resolve("configuration.json"), "{}");
        return project;
    }

    @Test
    void aFailedSyncShowsWhatWasCommittedAndTellsStderrWhereInTheConnectorItFailed() throws Exception {
        Path project = project("OopsConnector", OOPS);

        CliRun run = CliRun.sluice("debug", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("\\n  things +1 +1\\n")
                .contains("Sync FAILED: update() failed: java.lang.NullPointerException")
                .contains("After the failure the warehouse holds what was committed before it:")
                .containsPattern("\\n things +\\| +1 \\| +0 \\|");
        try (WarehouseReader warehouse = WarehouseReader.open(project.resolve("files/warehouse.db"))) {
            assertThat(warehouse.query("SELECT id FROM tester.things").rows()).containsExactly(Map.of("id", 1));
        }
        assertThat(run.err())
                .contains("Sync FAILED: update() failed: java.lang.NullPointerException")
                .contains("  at com.example.OopsConnector.measure(OopsConnector.java:12)\n")
                .contains("Run again with --verbose");
    }

    @Test
    void withVerboseThereIsNoHintToAddIt() throws Exception {
        Path project = project("OopsConnector", OOPS);

        CliRun run = CliRun.sluice("debug", project.toString(), "--verbose");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("  at com.example.OopsConnector.measure(OopsConnector.java:12)")
                .doesNotContain("Run again with --verbose");
    }

    @Test
    void aMissingKeyNamesTheConfigurationFileGiven() throws Exception {
        Path project = project("NeedsKey", NEEDS_KEY);
        Path given = Files.writeString(tmp.resolve("cfg.json"), "{}");

        CliRun run = CliRun.sluice("debug", project.toString(), "--configuration", given.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Configuration key 'api_key' is missing: add it to " + given + ",")
                .doesNotContain("configuration.json");
    }

    @Test
    void aConfigurationFileGivenThatDoesNotExistIsNamedWithoutSuggestingTheOption() throws Exception {
        Path project = project("NeedsKey", NEEDS_KEY);
        Path missing = tmp.resolve("nowhere/cfg.json");

        CliRun run = CliRun.sluice("debug", project.toString(), "--configuration", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Configuration file " + missing + " not found (given by --configuration")
                .doesNotContain("pass --configuration");
        assertThat(project.resolve("files")).doesNotExist();
    }
}
