package dev.sluice.examples.sessiontoken;

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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * An incremental sync behind a session token that expires mid-sync: the connector logs in again
 * and goes on; the second sync reads only the new and updated users.
 */
class SessionTokenConnectorTest extends ConnectorContractTest {

    /** Each time the playground looks at its clock, two minutes have passed: a slow API. */
    private static final Duration PER_CLOCK_READ = Duration.ofMinutes(2);

    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AutoClose
    private final Playground playground = Playground.start(PlaygroundOptions.builder()
            .tokenTtl(Duration.ofMinutes(5))
            .clock(new SlowClock(PER_CLOCK_READ))
            .requestLog(requests::add)
            .build());

    private List<User> usersBeforeChange;

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(SessionTokenConnector::new).configuration(configuration("playground-password"));
    }

    @Override
    protected ExpectedSync firstSync() {
        List<User> users = playground.snapshot().users();
        return ExpectedSync.expect()
                .checkpoints(10) // 10 pages of 20
                .operations(OperationCounts.onlyUpserts(200))
                .keys("users", "id", ids(users))
                .rows("users", "id", rows(users));
    }

    @Override
    protected void changeSource() {
        usersBeforeChange = playground.snapshot().users();
        playground.advance(2);
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
                .operations(OperationCounts.onlyUpserts(17)) // 8 new users and 9 updated ones
                .written("users", "id", changed)
                .keys("users", "id", everSeen) // 200 + 2 * 4 new: deletes need a deletes feed (incremental-deletes)
                .rows("users", "id", rows(now));
    }

    @Test
    void anExpiredTokenIsRenewedMidSync() {
        tester().sync().assertSucceeded();

        assertThat(count("GET /auth/session_token 401"))
                .as("the token expired mid-sync")
                .isPositive();
        assertThat(count("POST /auth/session_token/login 200"))
                .as("one login, then one per expiry")
                .isEqualTo(1 + count("GET /auth/session_token 401"));
    }

    @Test
    void aWrongPasswordFailsTheSyncWithoutShowingIt() {
        try (ConnectorTester wrong =
                ConnectorTester.of(SessionTokenConnector::new).configuration(configuration("not-the-password"))) {
            String message = wrong.sync().assertFailed().failureMessage();

            assertThat(message).contains("/auth/session_token/login", "401").doesNotContain("not-the-password");
        }
    }

    private Map<String, String> configuration(String password) {
        return Map.of(
                "base_url", playground.baseUrl(), "username", "playground", "password", password, "page_size", "20");
    }

    private long count(String request) {
        return requests.stream().filter(line -> line.contains(request)).count();
    }

    private static List<String> ids(List<User> users) {
        return users.stream().map(User::id).toList();
    }

    /** The values each user's row must have; updated_at is the API's text, as the connector writes it. */
    private static List<Map<String, Object>> rows(List<User> users) {
        return users.stream()
                .<Map<String, Object>>map(user -> Map.of(
                        "id",
                        user.id(),
                        "name",
                        user.name(),
                        "email",
                        user.email(),
                        "company",
                        user.company(),
                        "updated_at",
                        user.updatedAt().toString()))
                .toList();
    }

    /** A clock that moves forward a fixed time each time it is read. */
    private static final class SlowClock extends Clock {
        private final AtomicLong reads = new AtomicLong();
        private final Duration step;

        SlowClock(Duration step) {
            this.step = step;
        }

        @Override
        public Instant instant() {
            return Instant.parse("2025-01-01T00:00:00Z").plus(step.multipliedBy(reads.getAndIncrement()));
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
