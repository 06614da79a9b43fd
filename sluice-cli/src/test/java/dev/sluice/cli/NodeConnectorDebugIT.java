package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.testservices.TestServices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector server written in Node straight from the protocol's .proto files
 * ({@code sluice-protocol/src/test/node/connector-server.js}) synced with {@code sluice debug --connector}.
 * Needs node and npm on the PATH (fails, never skips, when they are missing).
 */
class NodeConnectorDebugIT {

    private static final Pattern PORT = Pattern.compile("listening on port (\\d+)");

    @TempDir
    Path tmp;

    private static boolean commandRuns(String tool) {
        try {
            return new ProcessBuilder(tool, "--version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void syncsTheNodeConnectorAndChecksItsRows() throws Exception {
        Path home = Path.of(System.getProperty("sluice.home", ".."))
                .toAbsolutePath()
                .normalize();
        Path sources = home.resolve("sluice-protocol/src/test/node");
        Path work = Files.createDirectories(Path.of("target/node-connector").toAbsolutePath());
        for (String file : List.of("package.json", "package-lock.json", "protocol.js", "connector-server.js")) {
            Files.copy(sources.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        TestServices.require(
                "Node.js and npm (this test runs a Node connector server)",
                () -> commandRuns("node") && commandRuns("npm"));
        int npm = run(work, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
        assertThat(npm)
                .as("npm ci in " + work
                        + " (needs node and npm: run .ci/install-test-services as root, or apt-get install nodejs npm)")
                .isZero();
        Process server = new ProcessBuilder(
                        "node",
                        "connector-server.js",
                        "--proto",
                        home.resolve("sluice-protocol/src/main/protobuf").toString(),
                        "--port",
                        "0")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            int port = -1;
            String line;
            while (port < 0 && (line = reader.readLine()) != null) {
                lines.add(line);
                Matcher matcher = PORT.matcher(line);
                if (matcher.find()) {
                    port = Integer.parseInt(matcher.group(1));
                }
            }
            assertThat(port).as("the Node server did not start: " + lines).isPositive();
            Files.writeString(tmp.resolve("configuration.json"), "{\"stand\": \"north\"}");

            CliRun run = CliRun.sluice("debug", tmp.toString(), "--connector", "localhost:" + port);

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out())
                    .contains("[Checking the stand name]: PASSED", "SYNC PROGRESS:", "Sync SUCCEEDED", "fruits");
            assertThat(Files.readString(tmp.resolve("files/state.json"))).isEqualTo("{\"cursor\":250}");
            try (WarehouseReader warehouse = WarehouseReader.open(tmp.resolve("files/warehouse.db"))) {
                assertThat(warehouse
                                .query("SELECT count(*) AS n, count(*) FILTER (WHERE _fivetran_deleted) AS deleted,"
                                        + " sum(price) AS total FROM tester.fruits")
                                .rows()
                                .get(0))
                        .containsEntry("n", 250L)
                        .containsEntry("deleted", 1L)
                        .containsEntry("total", new java.math.BigDecimal("8093.75"));
                assertThat(warehouse
                                .query("SELECT name FROM tester.fruits WHERE id = 1")
                                .rows()
                                .get(0))
                        .containsEntry("name", "golden apple");
            }
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        process.getInputStream().transferTo(System.out);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
