package dev.sluice.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.HttpTestClient.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardsTest {

    @Test
    void rateLimitAnswers429WithRetryAfterOnceTheBucketIsEmpty() {
        try (Playground playground = Playground.start(
                PlaygroundOptions.builder().rateLimit(0.5).capacity(3).build())) {
            HttpTestClient http = new HttpTestClient(playground.baseUrl());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(http.get("/pagination/page_number").status());
            }
            Response limited = http.get("/pagination/page_number");

            assertThat(statuses).containsOnly(200);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isIn("1", "2");
            assertThat(limited.json().get("error").asText())
                    .contains("rate limit", "retry after " + limited.header("Retry-After") + " s");
            assertThat(limited.json().get("retry_after").asText()).isEqualTo(limited.header("Retry-After"));
            assertThat(http.get("/admin/state").status())
                    .as("admin routes are not limited")
                    .isEqualTo(200);
        }
    }

    @Test
    void theBucketRefills() throws InterruptedException {
        try (Playground playground = Playground.start(
                PlaygroundOptions.builder().rateLimit(2).capacity(1).build())) {
            HttpTestClient http = new HttpTestClient(playground.baseUrl());
            assertThat(http.get("/pagination/offset").status()).isEqualTo(200);
            assertThat(http.get("/pagination/offset").status()).isEqualTo(429);
            Thread.sleep(600);
            assertThat(http.get("/pagination/offset").status()).isEqualTo(200);
        }
    }

    @Test
    void failureRateOneFailsEveryDataRouteButNotAdminOrLogin() {
        try (Playground playground =
                Playground.start(PlaygroundOptions.builder().failureRate(1).build())) {
            HttpTestClient http = new HttpTestClient(playground.baseUrl());
            for (String path : List.of(
                    "/pagination/keyset",
                    "/cursors/companies",
                    "/incremental/timestamp",
                    "/export/csv",
                    "/auth/http_bearer")) {
                Response response = http.get(path, "Authorization", "Bearer " + Credentials.BEARER_TOKEN);
                assertThat(response.status()).as(path).isIn(500, 502, 503);
                assertThat(response.json().get("error").asText()).contains("injected failure", "retry");
            }
            assertThat(http.get("/admin/state").status()).isEqualTo(200);
            assertThat(http.post("/admin/advance", "text/plain", "").status()).isEqualTo(200);
            assertThat(http.post(
                                    "/auth/session_token/login",
                                    "application/json",
                                    "{\"username\": \"playground\", \"password\": \"playground-password\"}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void failuresFollowTheSeed() {
        List<Integer> first = statuses(11);
        List<Integer> again = statuses(11);
        List<Integer> otherSeed = statuses(12);

        assertThat(first).isEqualTo(again).isNotEqualTo(otherSeed);
        long failed = first.stream().filter(status -> status != 200).count();
        assertThat(failed).isBetween(60L, 140L);
        assertThat(first).containsOnly(200, 500, 502, 503).contains(500, 502, 503);
    }

    private static List<Integer> statuses(long seed) {
        try (Playground playground = Playground.start(
                PlaygroundOptions.builder().seed(seed).failureRate(0.5).build())) {
            HttpTestClient http = new HttpTestClient(playground.baseUrl());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                statuses.add(http.get("/pagination/offset?limit=1").status());
            }
            return statuses;
        }
    }
}
