package dev.sluice.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.playground.HttpTestClient.Response;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthRoutesTest {

    static final MutableClock CLOCK = new MutableClock();
    static Playground playground;
    static HttpTestClient http;

    @BeforeAll
    static void start() {
        playground = Playground.start(PlaygroundOptions.builder()
                .tokenTtl(Duration.ofSeconds(60))
                .clock(CLOCK)
                .build());
        http = new HttpTestClient(playground.baseUrl());
    }

    @AfterAll
    static void stop() {
        playground.close();
    }

    @Test
    void apiKeyInHeaderOrQuery() {
        assertPageOfUsers(http.get("/auth/api_key?per_page=5", "Authorization", "apiKey " + Credentials.API_KEY));
        assertPageOfUsers(http.get("/auth/api_key?per_page=5&api_key=" + Credentials.API_KEY));
        assertUnauthorized(http.get("/auth/api_key"), "missing API key");
        assertUnauthorized(http.get("/auth/api_key", "Authorization", "apiKey wrong"), "invalid API key");
    }

    @Test
    void httpBasic() {
        assertPageOfUsers(http.get(
                "/auth/http_basic?per_page=5",
                "Authorization",
                HttpTestClient.basic(Credentials.USERNAME, Credentials.PASSWORD)));
        Response missing = http.get("/auth/http_basic");
        assertUnauthorized(missing, "missing credentials");
        assertThat(missing.header("WWW-Authenticate")).startsWith("Basic");
        assertUnauthorized(
                http.get("/auth/http_basic", "Authorization", HttpTestClient.basic(Credentials.USERNAME, "nope")),
                "invalid user name or password");
    }

    @Test
    void httpBearer() {
        assertPageOfUsers(
                http.get("/auth/http_bearer?per_page=5", "Authorization", "Bearer " + Credentials.BEARER_TOKEN));
        assertUnauthorized(http.get("/auth/http_bearer"), "missing token");
        assertUnauthorized(http.get("/auth/http_bearer", "Authorization", "Bearer nope"), "invalid bearer token");
    }

    @Test
    void sessionTokenWorksUntilItExpires() {
        Response login = http.post(
                "/auth/session_token/login",
                "application/json",
                "{\"username\": \"" + Credentials.USERNAME + "\", \"password\": \"" + Credentials.PASSWORD + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("expires_in").asLong()).isEqualTo(60);
        String token = login.json().get("token").asText();

        assertPageOfUsers(http.get("/auth/session_token?per_page=5", "Authorization", "Token " + token));
        CLOCK.advance(Duration.ofSeconds(61));

        assertUnauthorized(http.get("/auth/session_token", "Authorization", "Token " + token), "token expired");
        assertThat(http.get("/auth/session_token", "Authorization", "Token " + token)
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("token expired");
    }

    @Test
    void sessionLoginRefusesWrongPasswordAndBadBodies() {
        assertUnauthorized(
                http.post(
                        "/auth/session_token/login",
                        "application/json",
                        "{\"username\": \"playground\", \"password\": \"nope\"}"),
                "invalid username or password");
        Response bad = http.post("/auth/session_token/login", "application/json", "not json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).contains("username", "password");
        assertUnauthorized(http.get("/auth/session_token"), "missing token");
        assertUnauthorized(http.get("/auth/session_token", "Authorization", "Token made-up"), "invalid token");
    }

    static void assertPageOfUsers(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("data")).hasSize(5);
        assertThat(body.get("page").asInt()).isEqualTo(1);
        assertThat(body.get("page_size").asInt()).isEqualTo(5);
        assertThat(body.get("total_pages").asInt()).isEqualTo(40);
        assertThat(body.get("total_items").asInt()).isEqualTo(200);
    }

    static void assertUnauthorized(Response response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("error").asText()).contains(message);
    }
}
