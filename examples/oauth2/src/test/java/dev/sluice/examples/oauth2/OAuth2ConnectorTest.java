package dev.sluice.examples.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.User;
import dev.sluice.testkit.ConnectorContractTest;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ExpectedSync;
import dev.sluice.testkit.OperationCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * An incremental sync with OAuth2 client credentials: an access token that expires mid-sync is
 * replaced, each sync gets a new one, and the second sync reads only the new and updated users.
 */
class OAuth2ConnectorTest extends ConnectorContractTest {

    private static final String SECRET = "sluice-playground-secret";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final MovableClock clock = new MovableClock();

    /** Access tokens live 5 minutes; each page request takes 2 minutes of the playground's clock. */
    @AutoClose
    private final Playground playground = Playground.start(PlaygroundOptions.builder()
            .tokenTtl(Duration.ofMinutes(5))
            .clock(clock)
            .requestLog(line -> {
                requests.add(line);
                if (line.contains("GET /oauth/users")) {
                    clock.advance(Duration.ofMinutes(2));
                }
            })
            .build());

    private List<User> usersBeforeChange;

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(OAuth2Connector::new).configuration(configuration(SECRET));
    }

    @Override
    protected ExpectedSync firstSync() {
        List<User> users = playground.snapshot().users();
        return ExpectedSync.expect()
                .checkpoints(10) // 10 pages of 20
                .operations(OperationCounts.onlyUpserts(200))
                .keys("users", "id", ids(users))
                .rows("users", "id", rows(users))
                .and(tester -> assertThat(tester.state().asMap()).containsOnlyKeys("users_cursor")); // no token
    }

    @Override
    protected void changeSource() {
        usersBeforeChange = playground.snapshot().users();
        playground.advance(1);
        requests.clear();
    }

    @Override
    protected ExpectedSync secondSync() {
        List<User> now = playground.snapshot().users();
        List<String> changed = now.stream()
                .filter(user -> !usersBeforeChange.contains(user))
                .map(User::id)
                .toList();
        Set<String> everSeen = new TreeSet<>(ids(usersBeforeChange));
        everSeen.addAll(ids(now));
        return ExpectedSync.expect()
                .checkpoints(1) // the changed users fit in one page
                .operations(OperationCounts.onlyUpserts(9)) // 4 new users and 5 updated ones
                .written("users", "id", changed)
                .keys("users", "id", everSeen) // 200 + 4 new: deletes need a deletes feed (incremental-deletes)
                .rows("users", "id", rows(now))
                .and(tester -> assertThat(count("POST /oauth/token 200"))
                        .as("a new token for the new sync")
                        .isEqualTo(1));
    }

    @Test
    void anExpiredAccessTokenIsReplacedMidSync() {
        tester().sync().assertSucceeded();

        long expired = count("GET /oauth/users 401");
        assertThat(expired).as("access tokens expired mid-sync").isGreaterThanOrEqualTo(2);
        assertThat(count("POST /oauth/token 200"))
                .as("the first token, then one per expiry")
                .isEqualTo(1 + expired);
    }

    @Test
    void aWrongClientSecretFailsTheSyncWithoutShowingIt() {
        try (ConnectorTester wrong =
                ConnectorTester.of(OAuth2Connector::new).configuration(configuration("not-the-secret-7d1"))) {
            String message = wrong.sync().assertFailed().failureMessage();

            assertThat(message)
                    .contains("/oauth/token", "401", "invalid_client")
                    .doesNotContain("not-the-secret-7d1");
        }
    }

    private Map<String, String> configuration(String clientSecret) {
        return Map.of(
                "base_url",
                playground.baseUrl(),
                "client_id",
                "sluice-playground-client",
                "client_secret",
                clientSecret,
                "page_size",
                "20");
    }

    private long count(String request) {
        return requests.stream().filter(line -> line.contains(request)).count();
    }

    private static List<String> ids(List<User> users) {
        return users.stream().map(User::id).toList();
    }

    private static List<Map<String, Object>> rows(List<User> users) {
        return users.stream()
                .<Map<String, Object>>map(
                        user -> Map.of("id", user.id(), "name", user.name(), "email", user.email(), "job", user.job()))
                .toList();
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
