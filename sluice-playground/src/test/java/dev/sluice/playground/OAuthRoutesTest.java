package dev.sluice.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.playground.HttpTestClient.Response;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OAuthRoutesTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final MutableClock CLOCK = new MutableClock();
    static Playground playground;
    static HttpTestClient http;

    @BeforeAll
    static void start() {
        playground = Playground.start(PlaygroundOptions.builder()
                .tokenTtl(Duration.ofSeconds(30))
                .clock(CLOCK)
                .build());
        http = new HttpTestClient(playground.baseUrl());
    }

    @AfterAll
    static void stop() {
        playground.close();
    }

    @Test
    void clientCredentialsInBasicHeaderOrForm() {
        JsonNode viaHeader = token(http.post(
                "/oauth/token",
                FORM,
                "grant_type=client_credentials",
                "Authorization",
                HttpTestClient.basic(Credentials.CLIENT_ID, Credentials.CLIENT_SECRET)));
        JsonNode viaForm = token(http.post(
                "/oauth/token",
                FORM,
                "grant_type=client_credentials&client_id=" + Credentials.CLIENT_ID + "&client_secret="
                        + Credentials.CLIENT_SECRET));

        assertThat(viaHeader.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(viaHeader.get("expires_in").asLong()).isEqualTo(30);
        assertThat(viaHeader.get("refresh_token").asText()).isNotBlank();
        assertThat(viaForm.get("access_token").asText())
                .isNotEqualTo(viaHeader.get("access_token").asText());
        Response users = http.get(
                "/oauth/users?per_page=3",
                "Authorization",
                "Bearer " + viaForm.get("access_token").asText());
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().get("data")).hasSize(3);
    }

    @Test
    void wrongClientOrGrantIsRefused() {
        Response wrongSecret = http.post(
                "/oauth/token",
                FORM,
                "grant_type=client_credentials",
                "Authorization",
                HttpTestClient.basic(Credentials.CLIENT_ID, "nope"));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("error").asText()).isEqualTo("invalid_client");

        Response noGrant = http.post("/oauth/token", FORM, "client_id=x");
        assertThat(noGrant.status()).isEqualTo(400);
        assertThat(noGrant.json().get("error_description").asText()).contains("grant_type");

        Response password = http.post("/oauth/token", FORM, "grant_type=password");
        assertThat(password.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void refreshTokensRotate() {
        JsonNode first = clientToken();
        String refresh = first.get("refresh_token").asText();

        JsonNode second = token(http.post("/oauth/token", FORM, "grant_type=refresh_token&refresh_token=" + refresh));
        Response reused = http.post("/oauth/token", FORM, "grant_type=refresh_token&refresh_token=" + refresh);
        JsonNode third = token(http.post(
                "/oauth/token",
                FORM,
                "grant_type=refresh_token&refresh_token="
                        + second.get("refresh_token").asText()));

        assertThat(second.get("refresh_token").asText()).isNotEqualTo(refresh);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(reused.json().get("error_description").asText()).contains("already used");
        assertThat(http.get(
                                "/oauth/users",
                                "Authorization",
                                "Bearer " + third.get("access_token").asText())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void accessTokensExpire() {
        String access = clientToken().get("access_token").asText();
        assertThat(http.get("/oauth/users", "Authorization", "Bearer " + access).status())
                .isEqualTo(200);

        CLOCK.advance(Duration.ofSeconds(31));

        Response expired = http.get("/oauth/users", "Authorization", "Bearer " + access);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("error").asText()).isEqualTo("token expired");
        assertThat(http.get("/oauth/users", "Authorization", "Bearer made-up")
                        .json()
                        .get("error")
                        .asText())
                .contains("invalid token");
        assertThat(http.get("/oauth/users").status()).isEqualTo(401);
    }

    @Test
    void sessionTokensAreNoOAuthTokens() {
        String session = http.post(
                        "/auth/session_token/login",
                        "application/json",
                        "{\"username\": \"playground\", \"password\": \"playground-password\"}")
                .json()
                .get("token")
                .asText();

        assertThat(http.get("/oauth/users", "Authorization", "Bearer " + session)
                        .status())
                .isEqualTo(401);
    }

    private static JsonNode clientToken() {
        return token(http.post(
                "/oauth/token",
                FORM,
                "grant_type=client_credentials",
                "Authorization",
                HttpTestClient.basic(Credentials.CLIENT_ID, Credentials.CLIENT_SECRET)));
    }

    private static JsonNode token(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        return response.json();
    }
}
