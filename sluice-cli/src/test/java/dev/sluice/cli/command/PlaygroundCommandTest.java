package dev.sluice.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.CliRun;
import dev.sluice.cli.ErrorHandler;
import dev.sluice.playground.Playground;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class PlaygroundCommandTest {

    @Test
    void startsPrintsRoutesAndCredentialsAndLogsRequests() throws Exception {
        StringWriter out = new StringWriter();
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        AtomicReference<String> baseUrl = new AtomicReference<>();
        PlaygroundCommand command = new PlaygroundCommand(playground -> {
            baseUrl.set(playground.baseUrl());
            answer.set(get(playground, "/pagination/page_number?per_page=2&api_key=not-logged"));
            awaitContains(out, "GET /pagination/page_number 200");
        });
        CommandLine commandLine = new CommandLine(command).setOut(new PrintWriter(out, true));

        int exit = commandLine.execute("--port", "0", "--seed", "3", "--users", "20", "--token-ttl", "60");

        assertThat(exit).isZero();
        assertThat(answer.get().statusCode()).isEqualTo(200);
        assertThat(answer.get().body()).contains("\"total_items\":20");
        assertThat(out.toString())
                .contains("Sluice API playground on " + baseUrl.get())
                .contains("seed 3, 20 users; tokens live 60 s; no rate limit; no injected failures")
                .contains(
                        "sluice-playground-key",
                        "playground / playground-password",
                        "sluice-playground-token",
                        "sluice-playground-client / sluice-playground-secret")
                .contains(
                        "/pagination/next_page_url",
                        "/pagination/keyset",
                        "/oauth/token",
                        "/cursors/{company_id}/departments",
                        "/incremental/deletes",
                        "/export/csv",
                        "/admin/advance")
                .contains("Press Ctrl-C to stop.")
                .containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d+ GET /pagination/page_number 200 \\d+\\.\\dms")
                .doesNotContain("not-logged");
    }

    @Test
    void isASluiceCommand() {
        CliRun run = CliRun.sluice("playground", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(
                        "--port",
                        "--seed",
                        "--users",
                        "--rate-limit",
                        "--capacity",
                        "--failure-rate",
                        "--token-ttl",
                        "--auto-advance",
                        "default: 5001");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--failure-rate | 1.5 | --failure-rate must be between 0 and 1, got 1.5",
                "--port | 70000 | --port must be between 0 and 65535, got 70000",
                "--users | 0 | --users must be between 1 and 1000000, got 0",
                "--rate-limit | 0 | --rate-limit must be a positive number of requests per second, got 0.0",
                "--capacity | 0 | --capacity must be at least 1, got 0",
                "--token-ttl | 0 | --token-ttl must be at least 1 second, got 0",
                "--auto-advance | -1 | --auto-advance must be a positive number of seconds, got -1.0",
                "--seed | many | Invalid value for option '--seed': 'many' is not a long",
            })
    void rejectsBadOptionsWithClearMessages(String option, String value, String message) {
        CliRun run = CliRun.command(
                new PlaygroundCommand(playground -> {
                    throw new AssertionError("must not start");
                }),
                option,
                value);

        assertThat(run.exitCode()).isEqualTo(ErrorHandler.USAGE);
        assertThat(run.err()).contains(message);
    }

    @Test
    void aTakenPortIsAClearError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.command(
                    new PlaygroundCommand(playground -> {
                        throw new AssertionError("must not start");
                    }),
                    "--port",
                    String.valueOf(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(ErrorHandler.FAILED);
            assertThat(run.err())
                    .contains("Cannot start the API playground on 127.0.0.1:" + taken.getLocalPort(), "port in use");
        }
    }

    private static HttpResponse<String> get(Playground playground, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(playground.baseUrl() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void awaitContains(StringWriter out, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!out.toString().contains(text) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
