package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packaged {@code sluice.jar} serves the playground: the shaded Javalin/Jetty work outside Maven's class path. */
class PlaygroundCommandIT {

    private static final Pattern BASE_URL = Pattern.compile("Sluice API playground on (http://\\S+)");

    @Test
    void theShadedJarServesThePlaygroundUntilStopped() throws Exception {
        Path jar =
                Path.of(System.getProperty("sluice.jar", "target/sluice.jar")).toAbsolutePath();
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "playground",
                        "--port",
                        "0",
                        "--users",
                        "30"))
                .redirectErrorStream(true)
                .start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (java.io.IOException e) {
                output.append("read failed: ").append(e);
            }
        });
        reader.start();
        try {
            String baseUrl = await(output, BASE_URL);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> keyset = client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/pagination/keyset?per_page=50"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> csv = client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/export/csv")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(keyset.statusCode()).isEqualTo(200);
            assertThat(keyset.body()).contains("\"total_count\":30", "\"scroll_param\":null");
            assertThat(csv.body().split("\r\n")).hasSize(31);
            await(output, Pattern.compile("GET /export/csv 200"));
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS))
                    .as("stops on SIGTERM")
                    .isTrue();
            reader.join(5000);
        }
        assertThat(output.toString())
                .contains(
                        "sluice-playground-key",
                        "/cursors/{company_id}/departments",
                        "Press Ctrl-C to stop.",
                        "GET /pagination/keyset 200")
                .doesNotContain("INFO", "Jetty");
    }

    private static String await(StringBuffer output, Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(output);
            if (matcher.find()) {
                return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + pattern + " in the output:\n" + output);
    }
}
