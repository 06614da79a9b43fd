package dev.sluice.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.toolkit.ToolkitException;
import dev.sluice.toolkit.auth.Auth;
import dev.sluice.toolkit.testing.FakeApi;
import dev.sluice.toolkit.testing.FakeApi.Reply;
import dev.sluice.toolkit.testing.FakeTime;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestClientTest {

    private final FakeApi api = FakeApi.start();
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        api.close();
    }

    private RestClient.Builder client() {
        return RestClient.builder(api.url() + "/v1")
                .time(time)
                .random(() -> 0.5)
                .retry(RetryPolicy.exponential(4, Duration.ofMillis(100), Duration.ofMillis(250)));
    }

    @Test
    void sendsPathQueryAndDefaultHeadersAndReadsJson() {
        api.on(
                "/v1/orders",
                request -> Reply.json("{\"data\":[{\"id\":1,\"price\":9.5,\"tags\":[\"a\"],\"meta\":{\"x\":true}}]}"));
        RestClient client = client().header("X-Tenant", "acme").build();

        JsonNode body = client.getJson("/orders", Map.of("status", "open & paid"));

        assertThat(body.at("/data/0/id").asLong()).isEqualTo(1);
        FakeApi.Request seen = api.requests().get(0);
        assertThat(seen.query()).containsEntry("status", "open & paid");
        assertThat(seen.header("X-Tenant")).isEqualTo("acme");
        assertThat(seen.header("Accept")).isEqualTo("application/json");
        Map<String, Object> row = Json.toRow(body.at("/data/0"));
        assertThat(row)
                .containsEntry("id", 1L)
                .containsEntry("price", 9.5)
                .containsEntry("tags", List.of("a"))
                .containsEntry("meta", Map.of("x", true));
    }

    @Test
    void credentialsAreSentOnlyToTheBaseUrlsOrigin() {
        try (FakeApi elsewhere = FakeApi.start()) {
            elsewhere.on("/next", request -> Reply.json("{\"data\":[]}"));
            api.on("/v1/first", request -> Reply.json("{\"data\":[]}"));
            RestClient client =
                    client().authenticator(Auth.bearer("s3cret-token")).build();

            client.getJson("/first");
            client.getJson(elsewhere.url() + "/next");

            assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer s3cret-token");
            assertThat(elsewhere.requests().get(0).header("Authorization"))
                    .as("a URL on another origin (another port here) gets no credentials")
                    .isNull();
        }
    }

    @Test
    void redirectsAreFollowedWithCredentialsOnlyWithinTheOrigin() {
        try (FakeApi elsewhere = FakeApi.start()) {
            elsewhere.on("/cdn/file", request -> Reply.json("{\"where\":\"cdn\"}"));
            api.on("/v1/moved", request -> Reply.status(301, "").withHeader("Location", "/v1/here?x=1"));
            api.on("/v1/here", request -> Reply.status(302, "").withHeader("Location", elsewhere.url() + "/cdn/file"));
            RestClient client = client().authenticator(Auth.apiKeyHeader("X-API-Key", "k3y-s3cret"))
                    .build();

            assertThat(client.getJson("/moved").get("where").asText()).isEqualTo("cdn");

            assertThat(api.requests("/v1/here").get(0).query()).containsEntry("x", "1");
            assertThat(api.requests("/v1/here").get(0).header("X-API-Key")).isEqualTo("k3y-s3cret");
            assertThat(elsewhere.requests().get(0).header("X-API-Key"))
                    .as("another origin gets no credentials")
                    .isNull();
        }
    }

    @Test
    void aRedirectLoopFailsNamingTheUrl() {
        api.on("/v1/loop", request -> Reply.status(302, "").withHeader("Location", "/v1/loop"));

        assertThatThrownBy(() -> client().build().getJson("/loop"))
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("/v1/loop was redirected more than " + RestClient.MAX_REDIRECTS + " times");
    }

    @Test
    void retriesServerErrorsWithExponentialBackoffAndFullJitter() {
        api.onSequence(
                "/v1/flaky",
                Reply.status(500, "{}"),
                Reply.status(502, "{}"),
                Reply.status(503, "{}"),
                Reply.json("{\"ok\":true}"));

        JsonNode body = client().build().getJson("/flaky");

        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(api.requests()).hasSize(4);
        assertThat(time.sleeps())
                .as("half of 100, 200, then 400 capped at 250 ms")
                .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(125));
    }

    @Test
    void honoursRetryAfterInSecondsAndAsAnHttpDate() {
        String inNinetySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                time.now().plusSeconds(90).atOffset(ZoneOffset.UTC));
        api.onSequence(
                "/v1/busy",
                Reply.status(503, "{}").withHeader("Retry-After", "7"),
                Reply.status(429, "{}").withHeader("Retry-After", inNinetySeconds),
                Reply.json("{}"));

        client().build().getJson("/busy");

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(90 - 7));
    }

    @Test
    void capsRetryAfter() {
        api.onSequence("/v1/busy", Reply.status(429, "{}").withHeader("Retry-After", "3600"), Reply.json("{}"));

        client().retry(RetryPolicy.exponential(3, Duration.ofMillis(100), Duration.ofSeconds(1))
                        .withMaxRetryAfter(Duration.ofSeconds(30)))
                .build()
                .getJson("/busy");

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void other4xxFailAtOnceNamingMethodUrlStatusAndBodyWithoutSecrets() {
        api.on(
                "/v1/missing",
                request -> Reply.status(404, "{\"error\":\"no such order\",\"echo\":\"key s3cr3t-key-123 was used\"}"));
        RestClient client = client().authenticator(Auth.apiKeyQuery("api_key", "s3cr3t-key-123"))
                .build();

        assertThatThrownBy(() -> client.getJson("/missing", Map.of("id", 7)))
                .isInstanceOf(HttpStatusException.class)
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("GET " + api.url() + "/v1/missing?id=7&api_key=***")
                .hasMessageContaining("404 Not Found")
                .hasMessageContaining("no such order")
                .hasMessageContaining("check the base URL and path")
                .hasMessageNotContaining("s3cr3t-key-123");
        assertThat(api.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void wrongCredentialsSayToCheckThemWithoutShowingThem() {
        api.on("/v1/me", request -> Reply.status(401, "{\"error\":\"bad token Bearer tok-abcdef\"}"));
        api.on("/v1/admin", request -> Reply.status(403, "{\"error\":\"forbidden\"}"));
        RestClient client = client().authenticator(Auth.bearer("tok-abcdef")).build();

        assertThatThrownBy(() -> client.getJson("/me"))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("GET " + api.url() + "/v1/me was refused with 401 Unauthorized")
                .hasMessageContaining("check the credentials")
                .hasMessageNotContaining("tok-abcdef");
        assertThatThrownBy(() -> client.getJson("/admin"))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("403 Forbidden")
                .hasMessageContaining("check the credentials");
    }

    @Test
    void aRateLimitThatNeverLiftsGivesUpAfterTheRetryBudget() {
        api.on("/v1/items", request -> Reply.status(429, "{\"error\":\"slow down\"}"));

        assertThatThrownBy(() -> client().build().getJson("/items"))
                .isInstanceOf(RateLimitExceededException.class)
                .hasMessageContaining("GET " + api.url() + "/v1/items")
                .hasMessageContaining("kept answering 429")
                .hasMessageContaining("after 4 attempts")
                .hasMessageContaining("Lower the client's rate limit")
                .hasMessageContaining("try again later");
        assertThat(api.requests()).hasSize(4);
    }

    @Test
    void aServerThatKeepsFailingGivesUpAfterTheRetryBudget() {
        api.on("/v1/items", request -> Reply.status(503, "{\"error\":\"maintenance\"}"));

        assertThatThrownBy(() -> client().build().getJson("/items"))
                .isInstanceOf(HttpStatusException.class)
                .hasMessageContaining("503 Service Unavailable after 4 attempts")
                .hasMessageContaining("maintenance");
        assertThat(time.sleeps()).hasSize(3);
    }

    @Test
    void anUnreachableHostNamesHostAndPortAndSaysToCheckTheUrlAndNetwork() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RestClient client = RestClient.builder("http://127.0.0.1:" + closedPort + "/v1?api_key=k-0123456789")
                .time(time)
                .random(() -> 0.5)
                .retry(RetryPolicy.exponential(3, Duration.ofMillis(100), Duration.ofSeconds(1)))
                .build();

        assertThatThrownBy(() -> client.getJson(""))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("Cannot reach 127.0.0.1:" + closedPort)
                .hasMessageContaining("connection refused")
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("check the URL and the network")
                .hasMessageNotContaining("k-0123456789");
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void aBodyThatIsNotJsonNamesTheContentTypeAndAnExcerpt() {
        api.on(
                "/v1/page",
                request ->
                        new Reply(200, Map.of("Content-Type", "text/html"), "<html><body>Please log in</body></html>"));

        assertThatThrownBy(() -> client().build().getJson("/page"))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("GET " + api.url() + "/v1/page")
                .hasMessageContaining("text/html")
                .hasMessageContaining("not JSON")
                .hasMessageContaining("<html><body>Please log in");
    }

    @Test
    void aRequestThatTimesOutIsRetriedThenFailsInRealTime() {
        api.on("/v1/slow", request -> {
            Thread.sleep(400);
            return Reply.json("{}");
        });
        RestClient client = RestClient.builder(api.url() + "/v1")
                .requestTimeout(Duration.ofMillis(100))
                .retry(RetryPolicy.exponential(2, Duration.ofMillis(20), Duration.ofMillis(20)))
                .build();

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.getJson("/slow"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("request timed out")
                .hasMessageContaining("after 2 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofMillis(200), Duration.ofMillis(3000));
    }

    @Test
    void realBackoffWaitsBetweenAttempts() {
        api.onSequence("/v1/flaky", Reply.status(500, "{}"), Reply.status(500, "{}"), Reply.json("{}"));
        RestClient client = RestClient.builder(api.url() + "/v1")
                .random(() -> 0.999)
                .retry(RetryPolicy.exponential(3, Duration.ofMillis(60), Duration.ofSeconds(1)))
                .build();

        long start = System.nanoTime();
        client.getJson("/flaky");

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("about 60 + 120 ms of backoff")
                .isGreaterThanOrEqualTo(Duration.ofMillis(170));
    }

    @Test
    void aRejectedTokenIsRenewedOnceThenTheRequestIsRetried() {
        api.on(
                "/v1/data",
                request -> "Bearer second".equals(request.header("Authorization"))
                        ? Reply.json("{\"ok\":1}")
                        : Reply.status(401, "{}"));
        Authenticator renewing = new Authenticator() {
            private volatile String token = "first";

            @Override
            public ApiRequest authenticate(ApiRequest request, RestClient client) {
                return request.withHeader("Authorization", "Bearer " + token);
            }

            @Override
            public boolean renewAfterRejection(ApiRequest rejected, RestClient client) {
                token = "second";
                return true;
            }
        };

        assertThat(client().authenticator(renewing)
                        .build()
                        .getJson("/data")
                        .get("ok")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.requests())
                .extracting(request -> request.header("Authorization"))
                .containsExactly("Bearer first", "Bearer second");
    }

    @Test
    void anUnknownHostIsNotRetried() {
        RestClient client =
                RestClient.builder("http://no-such-host.invalid/v1").time(time).build();

        assertThatThrownBy(() -> client.getJson("/x"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("Cannot reach no-such-host.invalid:80")
                .hasMessageContaining("unknown host")
                .hasMessageContaining("is the host name right");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void retryLogsShowNoSecrets() {
        api.onSequence("/v1/flaky", Reply.status(503, "{}"), Reply.json("{}"));
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            client().authenticator(Auth.apiKeyQuery("key", "k-9f8e7d6c"))
                    .build()
                    .getJson("/flaky");
        } finally {
            System.setErr(original);
        }

        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log).contains("/v1/flaky?key=*** answered 503; retry 1 of 3").doesNotContain("k-9f8e7d6c");
    }
}
