package dev.sluice.toolkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ResumeCheckOptions;
import dev.sluice.testkit.ResumeCheckReport;
import dev.sluice.testkit.SyncOutcome;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.testing.FakeApi;
import dev.sluice.toolkit.testing.FakeApi.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's connector syncs for real from a loopback API into DuckDB, and resumes from every checkpoint. */
class RestConnectorIT {

    private static final String KEY = "key-7f3a9c";

    /** id, updated_at, status: several orders share a timestamp across page boundaries. */
    private final List<Object[]> orders = new ArrayList<>();

    private final AtomicInteger requestsSeen = new AtomicInteger();
    private final FakeApi api = FakeApi.start();

    RestConnectorIT() {
        String[] stamps = {
            "2024-03-01T08:00:00Z",
            "2024-03-01T09:00:00Z",
            "2024-03-01T09:00:00Z",
            "2024-03-01T09:00:00Z",
            "2024-03-01T09:00:00Z",
            "2024-03-01T09:00:00Z",
            "2024-03-01T09:00:00Z",
            "2024-03-02T00:00:00Z",
            "2024-03-02T00:00:00Z",
            "2024-03-02T12:30:00Z",
            "2024-03-03T00:00:00Z",
            "2024-03-03T00:00:00Z",
            "2024-03-04T00:00:00Z"
        };
        for (int i = 0; i < stamps.length; i++) {
            orders.add(new Object[] {(long) i + 1, stamps[i], "placed"});
        }
        api.on("/api/orders", request -> {
            int n = requestsSeen.incrementAndGet();
            if (!KEY.equals(request.header("X-API-Key"))) {
                return Reply.status(401, "{\"error\":\"invalid api key\"}");
            }
            if (n == 2) {
                return Reply.status(503, "{\"error\":\"try again\"}");
            }
            if (n == 4) {
                return Reply.status(429, "{}").withHeader("Retry-After", "0");
            }
            return Reply.json(page(request));
        });
    }

    private synchronized String page(FakeApi.Request request) {
        Instant since = Instant.parse(request.query("updated_since"));
        int limit = Integer.parseInt(request.query("limit"));
        int offset = request.query("cursor") == null
                ? 0
                : Integer.parseInt(request.query("cursor").substring(1));
        List<Object[]> matching = orders.stream()
                .filter(order -> !Instant.parse((String) order[1]).isBefore(since))
                .sorted(Comparator.<Object[], String>comparing(order -> (String) order[1])
                        .thenComparing(order -> (Long) order[0]))
                .toList();
        ArrayNode data = Json.mapper().createArrayNode();
        matching.stream()
                .skip(offset)
                .limit(limit)
                .forEach(order -> data.addObject()
                        .put("id", (Long) order[0])
                        .put("updated_at", (String) order[1])
                        .put("status", (String) order[2])
                        .putObject("customer")
                        .put("name", "customer " + order[0]));
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("data", data);
        body.put("next_cursor", offset + limit < matching.size() ? "o" + (offset + limit) : null);
        return body.toString();
    }

    private ConnectorTester tester(String key) {
        return ConnectorTester.of(OrdersConnector::new)
                .configuration(Map.of(
                        "base_url",
                        api.url() + "/api",
                        "api_key",
                        key,
                        "page_size",
                        "4",
                        "requests_per_second",
                        "200"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void syncsEveryOrderThenOnlyTheChangesWithoutDuplicates() {
        try (ConnectorTester tester = tester(KEY)) {
            SyncOutcome first = tester.sync().assertSucceeded();

            assertThat(tester.rows("orders")).hasSize(13);
            assertThat(first.metrics().upserts())
                    .as("each order once, despite the 503 and the 429")
                    .isEqualTo(13);
            assertThat(first.checkpoints()).isEqualTo(4);
            assertThat(tester.row("orders", "id", 7).get("customer")).asString().contains("customer 7");
            assertThat(tester.state().get("orders_cursor"))
                    .isEqualTo(Map.of("timestamp", "2024-03-04T00:00:00Z", "ids", List.of("13")));

            synchronized (this) {
                orders.get(2)[1] = "2024-03-05T00:00:00Z";
                orders.get(2)[2] = "shipped";
                orders.add(new Object[] {14L, "2024-03-04T00:00:00Z", "placed"});
            }
            SyncOutcome second = tester.sync().assertSucceeded();

            assertThat(second.metrics().upserts())
                    .as("the new order and the changed one only")
                    .isEqualTo(2);
            assertThat(tester.rows("orders")).hasSize(14);
            assertThat(tester.row("orders", "id", 3)).containsEntry("status", "shipped");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = tester(KEY)) {
            ResumeCheckReport report = tester.assertResumesFromEveryCheckpoint();
            assertThat(report.checkpointsChecked()).isEqualTo(4);
            assertThat(report.referenceRows()).containsEntry("orders", 13);

            tester.sync().assertSucceeded();
            synchronized (this) {
                orders.add(new Object[] {20L, "2024-03-04T00:00:00Z", "placed"});
                orders.add(new Object[] {21L, "2024-03-06T00:00:00Z", "placed"});
            }
            tester.assertResumesFromEveryCheckpoint(ResumeCheckOptions.fromCurrentState());
        }
    }

    @Test
    void aWrongApiKeyFailsTheSyncWithAClearMessage() {
        try (ConnectorTester tester = tester("wrong-key-123")) {
            tester.sync().assertFailedWith("check the credentials");
            assertThat(tester.lastSync().failureMessage())
                    .contains("GET " + api.url() + "/api/orders")
                    .doesNotContain("wrong-key-123");
        }
    }
}
