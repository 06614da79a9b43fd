package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.cli.fixture.ConnectorProjects;
import dev.sluice.engine.warehouse.WarehouseReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice serve} as a real process: its stdout is Fivetran's JSON log lines, and
 * {@code sluice debug --connector} syncs from it.
 */
class ServeIT {

    private static final Pattern PORT = Pattern.compile(" port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void servesAProjectThatDebugConnectorSyncsFrom() throws Exception {
        Path project = ConnectorProjects.create(
                tmp.resolve("greeter"),
                Map.of(
                        "com.example.Greeter", ConnectorProjects.connector("com.example.Greeter", 7),
                        "dev.sluice.cli.fixture.Greeting", ConnectorProjects.connectorGreeting()),
                List.of("com.example.Greeter"));
        Path jar =
                Path.of(System.getProperty("sluice.jar", "target/sluice.jar")).toAbsolutePath();
        Process serve = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "serve",
                        project.toString(),
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try {
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            String startLine = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (port < 0 && System.nanoTime() < deadline && (line = reader.readLine()) != null) {
                lines.add(line);
                Matcher matcher = PORT.matcher(line);
                if (matcher.find()) {
                    port = Integer.parseInt(matcher.group(1));
                    startLine = line;
                }
            }
            assertThat(port)
                    .as("serve did not start:\n" + String.join("\n", lines))
                    .isPositive();
            assertThat(startLine).contains("on 127.0.0.1 port " + port, "only this machine can connect");
            InetAddress external = nonLoopbackAddress();
            int served = port;
            assertThatThrownBy(() -> new Socket(external, served).close())
                    .as("serve listens on " + external + " but should listen on loopback only")
                    .isInstanceOf(ConnectException.class);
            Thread pump = new Thread(() -> {
                try {
                    reader.lines().forEach(lines::add);
                } catch (java.io.UncheckedIOException ended) {
                    // the process was stopped
                }
            });
            pump.setDaemon(true);
            pump.start();
            Path target = Files.createDirectories(tmp.resolve("target-dir"));
            Files.writeString(target.resolve("configuration.json"), "{}");

            CliRun run = CliRun.sluice("debug", target.toString(), "--connector", "localhost:" + port);

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("SYNC PROGRESS:", "Sync SUCCEEDED", "greetings");
            try (WarehouseReader warehouse = WarehouseReader.open(target.resolve("files/warehouse.db"))) {
                assertThat(warehouse
                                .query("SELECT count(*) AS n FROM tester.greetings WHERE text = 'connector'")
                                .rows()
                                .get(0)
                                .get("n"))
                        .isEqualTo(7L);
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines.stream().noneMatch(l -> l.contains("Update finished")) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
        List<String> all = new ArrayList<>(lines);
        assertThat(all).isNotEmpty().anySatisfy(l -> assertThat(l).contains("Update finished"));
        for (String line : all) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            assertThat(Set.of("INFO", "WARNING", "SEVERE"))
                    .as(line)
                    .contains(node.get("level").asText());
            assertThat(node.get("message-origin").asText()).isEqualTo("sdk_connector");
        }
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address instanceof Inet4Address) {
                    return address;
                }
            }
        }
        Assumptions.abort("this machine has no IPv4 address but loopback to try serve's default host from");
        return null;
    }
}
