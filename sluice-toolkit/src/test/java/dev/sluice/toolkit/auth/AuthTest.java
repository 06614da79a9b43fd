package dev.sluice.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.toolkit.http.AuthenticationFailedException;
import dev.sluice.toolkit.http.Authenticator;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.http.RestClient;
import dev.sluice.toolkit.http.RetryPolicy;
import dev.sluice.toolkit.testing.FakeApi;
import dev.sluice.toolkit.testing.FakeApi.Reply;
import dev.sluice.toolkit.testing.FakeTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthTest {

    private final FakeApi api = FakeApi.start();
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        api.close();
    }

    private RestClient client(Authenticator authenticator) {
        return RestClient.builder(api.url())
                .authenticator(authenticator)
                .time(time)
                .retry(RetryPolicy.exponential(2, Duration.ofMillis(10), Duration.ofMillis(10)))
                .build();
    }

    private void echoAuthorization() {
        api.on(
                "/me",
                request -> Reply.json(Json.mapper()
                        .createObjectNode()
                        .put("authorization", request.header("Authorization"))
                        .put("x_api_key", request.header("X-API-Key"))
                        .put("api_key", request.query("api_key"))
                        .toString()));
    }

    @Test
    void apiKeysGoInAHeaderWithOptionalPrefixOrInTheQuery() {
        echoAuthorization();

        assertThat(client(Auth.apiKeyHeader("X-API-Key", "k1"))
                        .getJson("/me")
                        .get("x_api_key")
                        .asText())
                .isEqualTo("k1");
        assertThat(client(Auth.apiKeyHeader("Authorization", "ApiKey ", "k2"))
                        .getJson("/me")
                        .get("authorization")
                        .asText())
                .isEqualTo("ApiKey k2");
        assertThat(client(Auth.apiKeyQuery("api_key", "k3"))
                        .getJson("/me")
                        .get("api_key")
                        .asText())
                .isEqualTo("k3");
    }

    @Test
    void basicAndBearer() {
        echoAuthorization();

        String basic = client(Auth.basic("ada", "pä:ss"))
                .getJson("/me")
                .get("authorization")
                .asText();
        assertThat(new String(Base64.getDecoder().decode(basic.substring("Basic ".length())), StandardCharsets.UTF_8))
                .isEqualTo("ada:pä:ss");
        assertThat(client(Auth.bearer("t-1"))
                        .getJson("/me")
                        .get("authorization")
                        .asText())
                .isEqualTo("Bearer t-1");
    }

    @Test
    void aSessionTokenIsFetchedByLoginAndRenewedBeforeItExpires() {
        AtomicInteger logins = new AtomicInteger();
        api.on("/auth/login", request -> {
            JsonNode credentials = Json.mapper().readTree(request.body());
            if (!credentials.path("password").asText().equals("hunter22")) {
                return Reply.status(401, "{\"error\":\"wrong password hunter2x\"}");
            }
            return Reply.json("{\"session\":{\"token\":\"sess-" + logins.incrementAndGet() + "\"},\"expires_in\":300}");
        });
        echoAuthorization();
        RestClient client = client(Auth.session("/auth/login", Map.of("user", "ada", "password", "hunter22"))
                .tokenField("/session/token")
                .header("Authorization", "Session ")
                .build());

        assertThat(client.getJson("/me").get("authorization").asText()).isEqualTo("Session sess-1");
        time.advance(Duration.ofSeconds(200));
        assertThat(client.getJson("/me").get("authorization").asText()).isEqualTo("Session sess-1");
        time.advance(Duration.ofSeconds(45));
        assertThat(client.getJson("/me").get("authorization").asText())
                .as("within a minute of expiry")
                .isEqualTo("Session sess-2");
        assertThat(api.requests("/auth/login").get(0).header("Content-Type")).isEqualTo("application/json");
        assertThat(logins.get()).isEqualTo(2);
    }

    @Test
    void aTokenLivingShorterThanTheMarginIsUsedForHalfItsLifeBeforeRenewal() {
        AtomicInteger logins = new AtomicInteger();
        api.on(
                "/auth/login",
                request -> Reply.json("{\"token\":\"short-" + logins.incrementAndGet() + "\",\"expires_in\":10}"));
        echoAuthorization();
        RestClient client = client(Auth.session("/auth/login", Map.of("user", "ada", "password", "hunter22"))
                .header("Authorization", "Token ")
                .build());

        for (int i = 0; i < 5; i++) {
            assertThat(client.getJson("/me").get("authorization").asText()).isEqualTo("Token short-1");
            time.advance(Duration.ofSeconds(1));
        }
        assertThat(client.getJson("/me").get("authorization").asText())
                .as("5 s of a 10 s token are gone: renewed")
                .isEqualTo("Token short-2");
        assertThat(logins.get()).isEqualTo(2);
    }

    @Test
    void aSessionIsRenewedOnceOn401() {
        AtomicInteger logins = new AtomicInteger();
        api.on("/auth/login", request -> Reply.json("{\"token\":\"s" + logins.incrementAndGet() + "\"}"));
        api.on(
                "/data",
                request -> "Bearer s1".equals(request.header("Authorization"))
                        ? Reply.status(401, "{\"error\":\"session expired\"}")
                        : Reply.json("{\"ok\":true}"));
        RestClient client = client(Auth.session("/auth/login", Map.of("user", "ada", "password", "pw-123456"))
                .formBody()
                .build());

        assertThat(client.getJson("/data").get("ok").asBoolean()).isTrue();
        assertThat(logins.get()).isEqualTo(2);
        assertThat(api.requests("/auth/login").get(0).form())
                .containsEntry("user", "ada")
                .containsEntry("password", "pw-123456");
    }

    @Test
    void aSessionThatIsRefusedAgainAfterRenewalFails() {
        api.on("/auth/login", request -> Reply.json("{\"token\":\"tok-renewed-each-time\"}"));
        api.on("/data", request -> Reply.status(401, "{}"));
        RestClient client = client(
                Auth.session("/auth/login", Map.of("password", "pw-123456")).build());

        assertThatThrownBy(() -> client.getJson("/data"))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("check the credentials");
        assertThat(api.requests("/data")).hasSize(2);
    }

    @Test
    void aRefusedLoginSaysToCheckTheCredentialsWithoutShowingThem() {
        api.on("/auth/login", request -> Reply.status(401, "{\"error\":\"wrong password hunter2x for ada\"}"));
        RestClient client = client(Auth.session("/auth/login", Map.of("user", "ada", "password", "hunter2x"))
                .build());

        assertThatThrownBy(() -> client.getJson("/me"))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("POST " + api.url() + "/auth/login was refused with 401")
                .hasMessageContaining("check the credentials")
                .hasMessageNotContaining("hunter2x");
    }

    @Test
    void aLoginAnswerWithoutTokenNamesTheField() {
        api.on("/auth/login", request -> Reply.json("{\"jwt\":\"x\"}"));
        RestClient client = client(
                Auth.session("/auth/login", Map.of("password", "pw-123456")).build());

        assertThatThrownBy(() -> client.getJson("/me"))
                .hasMessageContaining("without a session token at 'token'")
                .hasMessageContaining("fields present: jwt");
    }

    @Test
    void oauth2ClientCredentialsWithBasicClientAuthentication() {
        AtomicInteger tokens = new AtomicInteger();
        api.on("/oauth/token", request -> {
            String expected =
                    "Basic " + Base64.getEncoder().encodeToString("app:s3cret-xyz".getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(request.header("Authorization"))
                    || !"client_credentials".equals(request.form().get("grant_type"))) {
                return Reply.status(401, "{\"error\":\"invalid_client\"}");
            }
            return Reply.json("{\"access_token\":\"at-" + tokens.incrementAndGet()
                    + "\",\"token_type\":\"bearer\",\"expires_in\":3600}");
        });
        echoAuthorization();
        RestClient client = client(Auth.oauth2ClientCredentials("/oauth/token", "app", "s3cret-xyz")
                .scope("read")
                .build());

        assertThat(client.getJson("/me").get("authorization").asText()).isEqualTo("Bearer at-1");
        assertThat(client.getJson("/me").get("authorization").asText()).isEqualTo("Bearer at-1");
        time.advance(Duration.ofMinutes(59).plusSeconds(1));
        assertThat(client.getJson("/me").get("authorization").asText()).isEqualTo("Bearer at-2");
        assertThat(api.requests("/oauth/token").get(0).form()).containsEntry("scope", "read");
    }

    @Test
    void oauth2ClientCredentialsInTheFormAndABadSecret() {
        api.on(
                "/oauth/token",
                request -> "s3cret-xyz".equals(request.form().get("client_secret"))
                        ? Reply.json("{\"access_token\":\"at\"}")
                        : Reply.status(
                                400,
                                "{\"error\":\"invalid_client\",\"error_description\":\"secret wr0ng-secret is wrong\"}"));
        echoAuthorization();

        RestClient good = client(Auth.oauth2ClientCredentials("/oauth/token", "app", "s3cret-xyz")
                .clientAuthentication(OAuth2Auth.ClientAuthentication.FORM)
                .build());
        assertThat(good.getJson("/me").get("authorization").asText()).isEqualTo("Bearer at");
        assertThat(api.requests("/oauth/token").get(0).form()).containsEntry("client_id", "app");

        RestClient bad = client(Auth.oauth2ClientCredentials("/oauth/token", "app", "wr0ng-secret")
                .clientAuthentication(OAuth2Auth.ClientAuthentication.FORM)
                .build());
        assertThatThrownBy(() -> bad.getJson("/me"))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("token endpoint refused the client credentials")
                .hasMessageContaining("check the client id, client secret")
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("wr0ng-secret");
    }

    @Test
    void oauth2RefreshTokensAreRotatedAndARejectedAccessTokenIsRenewedOnce() {
        List<String> validRefresh = new ArrayList<>(List.of("rt-0"));
        AtomicInteger issued = new AtomicInteger();
        api.on("/oauth/token", request -> {
            Map<String, String> form = request.form();
            synchronized (validRefresh) {
                if (!"refresh_token".equals(form.get("grant_type"))
                        || !validRefresh.contains(form.get("refresh_token"))) {
                    return Reply.status(400, "{\"error\":\"invalid_grant\"}");
                }
                int n = issued.incrementAndGet();
                validRefresh.clear();
                validRefresh.add("rt-" + n);
                return Reply.json(
                        "{\"access_token\":\"at-" + n + "\",\"refresh_token\":\"rt-" + n + "\",\"expires_in\":3600}");
            }
        });
        api.on(
                "/data",
                request -> "Bearer at-1".equals(request.header("Authorization"))
                        ? Reply.status(401, "{}")
                        : Reply.json("{\"ok\":true}"));
        List<String> rotated = new ArrayList<>();
        OAuth2Auth auth = Auth.oauth2RefreshToken("/oauth/token", "app", "sec-123456", "rt-0")
                .onRefreshTokenRotated(rotated::add)
                .build();
        RestClient client = client(auth);

        assertThat(client.getJson("/data").get("ok").asBoolean()).isTrue();

        assertThat(rotated).containsExactly("rt-1", "rt-2");
        assertThat(auth.currentRefreshToken()).isEqualTo("rt-2");
        assertThat(api.requests("/oauth/token").get(1).form())
                .as("the second refresh uses the rotated token")
                .containsEntry("refresh_token", "rt-1");
        assertThat(auth.secrets()).contains("rt-2", "sec-123456", "at-2");
    }

    @Test
    void aRevokedRefreshTokenSaysToCheckIt() {
        api.on("/oauth/token", request -> Reply.status(400, "{\"error\":\"invalid_grant\"}"));
        RestClient client = client(Auth.oauth2RefreshToken("/oauth/token", "app", "sec-123456", "rt-revoked")
                .build());

        assertThatThrownBy(() -> client.getJson("/data"))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("refused the refresh token")
                .hasMessageContaining("invalid_grant")
                .hasMessageNotContaining("rt-revoked")
                .hasMessageNotContaining("sec-123456");
    }

    @Test
    void manyThreadsShareOneLoginAndOneRenewalAfter401() throws Exception {
        AtomicInteger logins = new AtomicInteger();
        api.on("/auth/login", request -> {
            Thread.sleep(50);
            return Reply.json("{\"token\":\"s" + logins.incrementAndGet() + "\",\"expires_in\":3600}");
        });
        api.on(
                "/data",
                request -> "Bearer s1".equals(request.header("Authorization"))
                        ? Reply.status(401, "{}")
                        : Reply.json("{\"ok\":true}"));
        RestClient client = client(
                Auth.session("/auth/login", Map.of("password", "pw-123456")).build());
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Callable<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> client.getJson("/data"));
            }
            for (java.util.concurrent.Future<JsonNode> call : threads.invokeAll(calls)) {
                assertThat(call.get().get("ok").asBoolean()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(logins.get()).as("one login, one renewal for all threads").isEqualTo(2);
    }
}
