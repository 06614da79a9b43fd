package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice server} as a real child process: it prints its URL and the generated admin key,
 * {@code sluice destinations add} and {@code list} work against it, a second server on the same data
 * directory is refused, and SIGTERM stops it cleanly with exit code 0.
 */
class ServerCommandIT {

    private static final Pattern URL = Pattern.compile("Sluice server on (http://\\S+)");
    private static final Pattern KEY = Pattern.compile("^\\s+(sk_\\S+)$");
    private static final String SECRET = "pw-Never-Shown-9911";

    @TempDir
    Path tmp;

    @Test
    void startsPrintsItsUrlAndKeyServesTheCliAndStopsCleanlyOnSigterm() throws Exception {
        Path dataDir = tmp.resolve("data");
        Process server = start(dataDir).start();
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        pump(server.getErrorStream(), err);
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String url = null;
        String key = null;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(line);
                Matcher urlMatch = URL.matcher(line);
                Matcher keyMatch = KEY.matcher(line);
                if (urlMatch.find()) {
                    url = urlMatch.group(1);
                } else if (keyMatch.find()) {
                    key = keyMatch.group(1);
                } else if (line.contains("Press Ctrl-C to stop.")) {
                    break;
                }
            }
            assertThat(url)
                    .as("no URL in:\n" + String.join("\n", out) + "\n" + String.join("\n", err))
                    .isNotNull();
            assertThat(key).as(String.join("\n", out)).isNotNull();
            pump(server.getInputStream(), out);

            Path keyFile = dataDir.resolve("admin-api-key");
            assertThat(Files.readString(keyFile).strip()).isEqualTo(key);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                    .isEqualTo("rw-------");
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/healthz")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"up\"");

            Path file = tmp.resolve("analytics.json");
            Files.writeString(
                    file,
                    "{\"type\": \"postgres\", \"host\": \"db.internal\", \"database\": \"dw\","
                            + " \"user\": \"loader\", \"password\": \"" + SECRET + "\", \"schema\": \"raw\"}");
            CliRun add = CliRun.sluice(
                    "destinations",
                    "add",
                    "analytics",
                    "--destination",
                    file.toString(),
                    "--server",
                    url,
                    "--api-key",
                    key);
            assertThat(add.exitCode()).as(add.out() + add.err()).isZero();
            assertThat(add.out())
                    .contains("Added destination analytics: loader@db.internal:5432/dw (schema raw)")
                    .doesNotContain(SECRET);

            CliRun list = CliRun.sluice("destinations", "list", "--server", url, "--api-key", key);
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out())
                    .contains(
                            "analytics",
                            "loader@db.internal:5432/dw",
                            "warehouse",
                            dataDir.resolve("warehouse.db").toString())
                    .doesNotContain(SECRET);

            CliRun refused =
                    CliRun.sluice("destinations", "list", "--server", url, "--api-key", "sk_not-a-key-at-all-000");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("refused the API key", "--api-key");

            CliRun duplicate = CliRun.sluice(
                    "destinations",
                    "add",
                    "analytics",
                    "--destination",
                    file.toString(),
                    "--server",
                    url,
                    "--api-key",
                    key);
            assertThat(duplicate.exitCode()).isEqualTo(1);
            assertThat(duplicate.err()).contains("409", "exists already").doesNotContain(SECRET);

            Process second = start(dataDir).redirectErrorStream(true).start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String secondOut = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.exitValue()).as(secondOut).isEqualTo(1);
            assertThat(secondOut).contains("in use by another process", "--data-dir");
        } finally {
            // SIGTERM, keeping the streams open (Process.destroy would close them before the last lines are read)
            server.toHandle().destroy();
        }
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue())
                .as(String.join("\n", out) + "\n" + String.join("\n", err))
                .isZero();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!out.contains("Sluice server stopped.") && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(out).contains("Sluice server stopped.");
        assertThat(String.join("\n", err)).doesNotContain(SECRET).doesNotContain(key);
        assertThat(String.join("\n", out)).doesNotContain(SECRET);
        String printedKey = key;
        assertThat(out.stream().filter(line -> line.contains(printedKey))).hasSize(1);
    }

    private ProcessBuilder start(Path dataDir) {
        Path jar =
                Path.of(System.getProperty("sluice.jar", "target/sluice.jar")).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "server",
                "--data-dir",
                dataDir.toString(),
                "--port",
                "0");
        builder.environment().keySet().removeIf(name -> name.startsWith("SLUICE_"));
        return builder;
    }

    private static void pump(InputStream in, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException ended) {
                // the process ended
            }
        });
        thread.setDaemon(true);
        thread.start();
    }
}
