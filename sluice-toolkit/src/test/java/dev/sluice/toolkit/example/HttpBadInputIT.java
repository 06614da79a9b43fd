package dev.sluice.toolkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sdk.State;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.toolkit.testing.FakeApi;
import dev.sluice.toolkit.testing.FakeApi.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each way an API can go wrong part-way through a sync ends the sync with a message that names
 * the URL (without the key), the status and what to check, and leaves the warehouse and the state
 * at the last checkpoint: the README's connector reads two good pages (two checkpoints), then the
 * third request meets the fault.
 */
class HttpBadInputIT {

    private static final String KEY = "key-b4d1np";
    private static final int GOOD_PAGES = 2;
    private static final int PAGE_SIZE = 4;

    private final FakeApi api = FakeApi.start();
    private final AtomicInteger pagesServed = new AtomicInteger();
    private Function<Integer, Reply> fault = offset -> page(offset);

    HttpBadInputIT() {
        api.on("/api/orders", request -> {
            int offset = request.query("cursor") == null
                    ? 0
                    : Integer.parseInt(request.query("cursor").substring(1));
            if (offset >= GOOD_PAGES * PAGE_SIZE) {
                return fault.apply(offset);
            }
            pagesServed.incrementAndGet();
            return page(offset);
        });
    }

    /** Orders offset+1 .. offset+4 of 20, each a minute apart, and the cursor of the next page. */
    private static Reply page(int offset) {
        return page(offset, offset + PAGE_SIZE < 20 ? "o" + (offset + PAGE_SIZE) : null);
    }

    private static Reply page(int offset, String nextCursor) {
        StringBuilder data = new StringBuilder();
        for (int id = offset + 1; id <= offset + PAGE_SIZE; id++) {
            data.append(data.length() == 0 ? "" : ",")
                    .append(String.format(
                            "{\"id\":%d,\"updated_at\":\"2024-03-01T00:%02d:00Z\",\"status\":\"placed\"}", id, id));
        }
        String next = nextCursor == null ? "null" : "\"" + nextCursor + "\"";
        return Reply.json("{\"data\":[" + data + "],\"next_cursor\":" + next + "}");
    }

    private ConnectorTester tester(String baseUrl) {
        return ConnectorTester.of(OrdersConnector::new)
                .configuration(Map.of(
                        "base_url",
                        baseUrl,
                        "api_key",
                        KEY,
                        "page_size",
                        String.valueOf(PAGE_SIZE),
                        "requests_per_second",
                        "500"));
    }

    /** The state the connector saves at a checkpoint, from a sync stopped right there. */
    private State stateAfter(int checkpoints) {
        Function<Integer, Reply> saved = fault;
        fault = offset -> page(offset);
        try (ConnectorTester reference = tester(api.url() + "/api")) {
            reference.syncStoppingAfterCheckpoint(checkpoints).assertFailed();
            return reference.state();
        } finally {
            fault = saved;
        }
    }

    private String failsAfterTwoPages(Function<Integer, Reply> reply) {
        return failsAfterCheckpoints(GOOD_PAGES, reply);
    }

    private String failsAfterCheckpoints(int checkpoints, Function<Integer, Reply> reply) {
        State expected = stateAfter(checkpoints);
        fault = reply;
        try (ConnectorTester tester = tester(api.url() + "/api")) {
            tester.sync().assertFailed();
            String message = tester.lastSync().failureMessage();
            assertThat(message).contains("GET " + api.url() + "/api/orders").doesNotContain(KEY);
            assertThat(tester.state().asMap())
                    .as("state stays at the last checkpoint")
                    .isEqualTo(expected.asMap());
            assertThat(tester.rows("orders"))
                    .as("the pages before the fault are kept")
                    .hasSizeGreaterThanOrEqualTo(GOOD_PAGES * PAGE_SIZE);
            return message;
        }
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void rejectedCredentialsSayToCheckThem() {
        assertThat(failsAfterTwoPages(offset -> Reply.status(401, "{\"error\":\"key " + KEY + " revoked\"}")))
                .contains("401")
                .contains("check the credentials");
        assertThat(failsAfterTwoPages(offset -> Reply.status(403, "{\"error\":\"forbidden\"}")))
                .contains("403")
                .contains("check the credentials");
    }

    @Test
    void aBodyThatIsNotJsonNamesTheContentTypeAndShowsAnExcerpt() {
        String message = failsAfterTwoPages(offset -> new Reply(
                200, Map.of("Content-Type", "text/html"), "<html><body>Maintenance until 10:00</body></html>"));

        assertThat(message).contains("text/html").contains("Maintenance until 10:00");
    }

    @Test
    void aPageOfAnotherShapeNamesTheMissingRecordsField() {
        assertThat(failsAfterTwoPages(offset -> Reply.json("{\"items\":[],\"next_cursor\":null}")))
                .contains("data");
    }

    @Test
    void aServerThatRepeatsItsCursorIsStoppedInsteadOfLoopingForever() {
        // the third page is well formed, so it is written and checkpointed; asking again for its own cursor is the
        // fault
        String message = failsAfterCheckpoints(GOOD_PAGES + 1, offset -> page(offset, "o8"));

        assertThat(message).contains("o8");
    }

    @Test
    void aRateLimitThatNeverLiftsGivesUpWithAdvice() {
        String message = failsAfterTwoPages(offset -> Reply.status(429, "{}").withHeader("Retry-After", "0"));

        assertThat(message).contains("429").containsIgnoringCase("rate");
    }

    @Test
    void aServerErrorThatPersistsNamesTheStatusAfterTheRetries() {
        assertThat(failsAfterTwoPages(
                        offset -> Reply.status(503, "{\"error\":\"down\"}").withHeader("Retry-After", "0")))
                .contains("503");
    }

    @Test
    void anUnreachableHostIsNamedWithItsPortAndNothingIsWritten() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ConnectorTester tester = tester("http://127.0.0.1:" + closedPort + "/api")) {
            tester.sync().assertFailed();

            assertThat(tester.lastSync().failureMessage())
                    .contains("127.0.0.1:" + closedPort)
                    .doesNotContain(KEY);
            assertThat(tester.state().asMap()).isEmpty();
        }
    }

    @Test
    void tlsToAPlainHttpPortIsReportedAsATlsFailure() throws IOException {
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerBadRequest(plain));
            server.setDaemon(true);
            server.start();
            try (ConnectorTester tester = tester("https://127.0.0.1:" + plain.getLocalPort() + "/api")) {
                tester.sync().assertFailed();

                assertThat(tester.lastSync().failureMessage())
                        .contains("TLS failed with 127.0.0.1:" + plain.getLocalPort())
                        .doesNotContain(KEY);
                assertThat(tester.state().asMap()).isEmpty();
            }
        }
    }

    /** What a plain HTTP server says to a TLS handshake: 400 and close. */
    private static void answerBadRequest(ServerSocket plain) {
        while (!plain.isClosed()) {
            try (Socket socket = plain.accept()) {
                socket.getInputStream().read(new byte[512]);
                socket.getOutputStream()
                        .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closed) {
                return;
            }
        }
    }
}
