package dev.sluice.examples.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.User;
import dev.sluice.testkit.ConnectorTester;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuth2ConnectorTest {

    private static final String SECRET = "sluice-playground-secret";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final MovableClock clock = new MovableClock();
    private Playground playground;

    /** Access tokens live 5 minutes; each page request takes 2 minutes of the playground's clock. */
    @BeforeEach
    void startPlayground() {
        playground = Playground.start(PlaygroundOptions.builder()
                .tokenTtl(Duration.ofMinutes(5))
                .clock(clock)
                .requestLog(line -> {
                    requests.add(line);
                    if (line.contains("GET /oauth/users")) {
                        clock.advance(Duration.ofMinutes(2));
                    }
                })
                .build());
    }

    @AfterEach
    void stopPlayground() {
        playground.close();
    }

    @Test
    void anExpiredAccessTokenIsReplacedAndTheSyncGetsEveryUser() {
        try (ConnectorTester tester = ConnectorTester.of(new OAuth2Connector()).configuration(configuration(SECRET))) {
            tester.sync().assertSucceeded();

            long expired = count("GET /oauth/users 401");
            assertThat(expired).as("access tokens expired mid-sync").isGreaterThanOrEqualTo(2);
            assertThat(count("POST /oauth/token 200"))
                    .as("the first token, then one per expiry")
                    .isEqualTo(1 + expired);
            Map<Object, Map<String, Object>> rows =
                    tester.rows("users").stream().collect(Collectors.toMap(row -> row.get("id"), row -> row));
            List<User> users = playground.snapshot().users();
            assertThat(rows).hasSize(users.size());
            users.forEach(user -> assertThat(rows.get(user.id()))
                    .containsEntry("name", user.name())
                    .containsEntry("email", user.email())
                    .containsEntry("job", user.job()));
            assertThat(tester.state().asMap()).containsOnlyKeys("users_cursor");
        }
    }

    @Test
    void theNextSyncGetsANewTokenAndOnlyWhatChanged() {
        try (ConnectorTester tester = ConnectorTester.of(new OAuth2Connector()).configuration(configuration(SECRET))) {
            tester.sync().assertSucceeded();
            playground.advance(1);
            requests.clear();

            long upserts = tester.sync().assertSucceeded().metrics().upserts();

            assertThat(upserts).as("4 new and about 5 updated users").isBetween(5L, 9L);
            assertThat(count("POST /oauth/token 200")).isEqualTo(1);
            assertThat(tester.rows("users")).hasSize(204);
        }
    }

    @Test
    void aWrongClientSecretFailsTheSyncWithoutShowingIt() {
        try (ConnectorTester tester =
                ConnectorTester.of(new OAuth2Connector()).configuration(configuration("not-the-secret-7d1"))) {
            String message = tester.sync().assertFailed().failureMessage();

            assertThat(message)
                    .contains("/oauth/token", "401", "invalid_client")
                    .doesNotContain("not-the-secret-7d1");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new OAuth2Connector()).configuration(configuration(SECRET))) {
            assertThat(tester.assertResumesFromEveryCheckpoint().referenceCheckpoints())
                    .isEqualTo(10);
        }
    }

    private Map<String, String> configuration(String clientSecret) {
        Map<String, String> configuration = new HashMap<>();
        configuration.put("base_url", playground.baseUrl());
        configuration.put("client_id", "sluice-playground-client");
        configuration.put("client_secret", clientSecret);
        configuration.put("page_size", "20");
        return configuration;
    }

    private long count(String request) {
        return requests.stream().filter(line -> line.contains(request)).count();
    }

    /** The playground's clock of token expiry, moved by the test. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
