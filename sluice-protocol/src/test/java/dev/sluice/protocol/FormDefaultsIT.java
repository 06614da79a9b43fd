package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.SyncResult;
import dev.sluice.protocol.drive.RemoteConnector;
import dev.sluice.protocol.drive.SelectionFile;
import dev.sluice.protocol.serve.ConnectorServer;
import dev.sluice.protocol.serve.JsonLog;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.ConfigurationForm;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.FormField;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.TestResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A served connector gets its form's defaults for the keys a request's configuration leaves out. */
class FormDefaultsIT {

    /** Writes the configuration it was given as a row; its test passes only with auth = header. */
    static final class EchoesItsConfiguration implements Connector {
        @Override
        public ConfigurationForm configurationForm() {
            return ConfigurationForm.builder()
                    .field(FormField.dropdown("auth", "Auth", "header", "query").defaultValue("header"))
                    .field(FormField.text("page_size", "Page size").defaultValue("50"))
                    .test(
                            "auth",
                            "Checking auth",
                            c -> "header".equals(c.get("auth"))
                                    ? TestResult.success()
                                    : TestResult.failure("auth is " + c.get("auth")))
                    .build();
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            operations.upsert(
                    "seen",
                    Map.of(
                            "id", 1,
                            "auth", String.valueOf(configuration.get("auth")),
                            "page_size", String.valueOf(configuration.get("page_size"))));
            operations.checkpoint(state);
        }
    }

    @Test
    void testAndUpdateRequestsGetTheFormDefaults(@TempDir Path project) throws Exception {
        try (ConnectorServer server = ConnectorServer.start(new EchoesItsConfiguration(), 0, null, JsonLog.quiet());
                RemoteConnector remote =
                        RemoteConnector.connect("localhost:" + server.port(), SelectionFile.everything())) {
            assertThat(remote.test("auth", Configuration.of(Map.of())).passed()).isTrue();

            SyncResult result = Syncs.remote(
                    "localhost:" + server.port(), project, Map.of("page_size", "7"), SelectionFile.everything());

            assertThat(result.succeeded())
                    .as(String.valueOf(result.failureMessage()))
                    .isTrue();
        }
        assertThat(WarehouseDump.of(project).get("seen"))
                .anySatisfy(line ->
                        assertThat(line).contains("header").contains("7").doesNotContain("null"));
    }
}
