package dev.sluice.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.playground.HttpTestClient.Response;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadRequestsTest {

    static Playground playground;
    static HttpTestClient http;

    @BeforeAll
    static void start() {
        playground = Playground.start(PlaygroundOptions.defaults());
        http = new HttpTestClient(playground.baseUrl());
    }

    @AfterAll
    static void stop() {
        playground.close();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/pagination/next_page_url?per_page=0 | per_page",
                "/pagination/next_page_url?per_page=51 | per_page",
                "/pagination/next_page_url?order_by=name | order_by",
                "/pagination/next_page_url?order_type=up | order_type",
                "/pagination/next_page_url?updated_since=yesterday | updated_since",
                "/pagination/page_number?page=0 | page",
                "/pagination/page_number?page=two | page",
                "/pagination/offset?offset=-1 | offset",
                "/pagination/offset?limit=100 | limit",
                "/pagination/keyset?scroll_param=garbage | scroll_param",
                "/pagination/cursor?cursor=abc | cursor",
                "/pagination/link?per_page=x | per_page",
                "/cursors/companies?updated_since=2025-13-01T00:00:00Z | updated_since",
                "/incremental/timestamp?since=2025-01-01 | since",
                "/incremental/deletes?limit=0 | limit",
            })
    void badParametersAre400sNamingTheParameter(String path, String parameter) {
        Response response = http.get(path);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("error").asText()).contains("'" + parameter + "'");
    }

    @Test
    void advanceStepsAreChecked() {
        Response response = http.post("/admin/advance?steps=0", "text/plain", "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).contains("'steps'", "between 1 and 10000");
    }

    @Test
    void unknownRoutesAre404Json() {
        Response response = http.get("/no/such/route");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).contains("GET /no/such/route", "GET /");
        assertThat(http.post("/pagination/offset", "text/plain", "").status()).isEqualTo(404);
    }

    @Test
    void theIndexListsTheRoutes() {
        Response index = http.get("/");

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.json().get("routes")).hasSize(playground.routes().size());
        assertThat(index.json().get("state").get("users").asInt())
                .isEqualTo(playground.snapshot().users().size());
    }

    @Test
    void everyListedRouteIsServed() {
        String companyId = playground.snapshot().companies().get(0).id();
        for (Route route : playground.routes()) {
            String path = route.path().replace("{company_id}", companyId);
            Response response = route.method().equals("GET") ? http.get(path) : http.post(path, "text/plain", "");
            assertThat(response.status()).as(route.method() + " " + path).isIn(200, 400, 401);
            assertThat(response.header("Content-Type")).as(path).matches("(application/json|text/csv).*");
        }
    }

    @Test
    void optionsRefuseBadValuesNamingTheSetting() {
        assertThatThrownBy(() -> PlaygroundOptions.builder().failureRate(1.5))
                .hasMessageContaining("failureRate")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> PlaygroundOptions.builder().port(70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> PlaygroundOptions.builder().users(0)).hasMessageContaining("users");
        assertThatThrownBy(() -> PlaygroundOptions.builder().capacity(0)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> PlaygroundOptions.builder().rateLimit(-1)).hasMessageContaining("rateLimit");
        assertThatThrownBy(() -> PlaygroundOptions.builder().tokenTtl(Duration.ZERO))
                .hasMessageContaining("tokenTtl");
    }

    @Test
    void closeIsIdempotentAndFreesThePort() throws Exception {
        Playground extra = Playground.start(PlaygroundOptions.defaults());
        int port = extra.port();
        extra.close();
        extra.close();

        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aTakenPortIsAClearError() {
        assertThatThrownBy(() -> Playground.start(
                        PlaygroundOptions.builder().port(playground.port()).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(String.valueOf(playground.port()))
                .hasMessageContaining("port in use");
    }
}
