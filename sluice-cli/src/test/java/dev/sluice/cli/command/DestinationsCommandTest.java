package dev.sluice.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.CliRun;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice destinations}: the mistakes that never reach a server get clear messages. */
class DestinationsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void withoutAServerOrKeyItSaysWhichOptionOrVariableToSet() {
        CliRun noServer = CliRun.sluice("destinations", "list", "--api-key", "k");
        assertThat(noServer.exitCode()).isEqualTo(1);
        assertThat(noServer.err()).contains("No server given: pass --server URL", "SLUICE_SERVER");

        CliRun noKey = CliRun.sluice("destinations", "list", "--server", "http://127.0.0.1:9");
        assertThat(noKey.exitCode()).isEqualTo(1);
        assertThat(noKey.err()).contains("No API key given", "SLUICE_API_KEY");

        CliRun badUrl = CliRun.sluice("destinations", "list", "--server", "ftp://x", "--api-key", "k");
        assertThat(badUrl.exitCode()).isEqualTo(1);
        assertThat(badUrl.err()).contains("--server must be an http:// or https:// URL");
    }

    @Test
    void anUnreachableServerIsNamed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CliRun run = CliRun.sluice("destinations", "list", "--server", "http://127.0.0.1:" + port, "--api-key", "k");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Cannot reach the Sluice server at http://127.0.0.1:" + port, "--server");
    }

    @Test
    void aBrokenDestinationFileIsNamedWithoutItsText() throws Exception {
        Path file = tmp.resolve("d.json");
        Files.writeString(file, "{\"type\": \"postgres\", \"password\": \"s3cret-value\",");

        CliRun broken = CliRun.sluice(
                "destinations",
                "add",
                "a",
                "--destination",
                file.toString(),
                "--server",
                "http://127.0.0.1:9",
                "--api-key",
                "k");
        CliRun missing = CliRun.sluice(
                "destinations",
                "add",
                "a",
                "--destination",
                tmp.resolve("none.json").toString(),
                "--server",
                "http://127.0.0.1:9",
                "--api-key",
                "k");

        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err())
                .contains("Destination file " + file + " is not valid JSON")
                .doesNotContain("s3cret-value");
        assertThat(missing.err()).contains("none.json not found");
    }
}
