package dev.sluice.examples.sessiontoken;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTokenConnectorTest {

    /** Each time the playground looks at its clock, two minutes have passed: a slow API. */
    private static final Duration PER_CLOCK_READ = Duration.ofMinutes(2);

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Playground playground;

    @BeforeEach
    void startPlayground() {
        playground = Playground.start(PlaygroundOptions.builder()
                .tokenTtl(Duration.ofMinutes(5))
                .clock(new SlowClock(PER_CLOCK_READ))
                .requestLog(requests::add)
                .build());
    }

    @AfterEach
    void stopPlayground() {
        playground.close();
    }

    @Test
    void anExpiredTokenIsRenewedAndTheSyncGetsEveryUser() {
        try (ConnectorTester tester =
                ConnectorTester.of(new SessionTokenConnector()).configuration(configuration())) {
            tester.sync().assertSucceeded();

            assertThat(count("GET /auth/session_token 401"))
                    .as("the token expired mid-sync")
                    .isPositive();
            assertThat(count("POST /auth/session_token/login 200"))
                    .as("one login, then one per expiry")
                    .isEqualTo(1 + count("GET /auth/session_token 401"));
            Map<Object, Map<String, Object>> rows =
                    tester.rows("users").stream().collect(Collectors.toMap(row -> row.get("id"), row -> row));
            assertThat(rows).hasSize(200);
            for (User user : playground.snapshot().users()) {
                Map<String, Object> row = rows.get(user.id());
                assertThat(row)
                        .containsEntry("name", user.name())
                        .containsEntry("email", user.email())
                        .containsEntry("company", user.company());
                assertThat(Instant.parse((String) row.get("updated_at"))).isEqualTo(user.updatedAt());
            }
        }
    }

    @Test
    void theNextSyncReadsOnlyWhatChanged() {
        try (ConnectorTester tester =
                ConnectorTester.of(new SessionTokenConnector()).configuration(configuration())) {
            tester.sync().assertSucceeded();
            playground.advance(2);

            long upserts = tester.sync().assertSucceeded().metrics().upserts();

            List<User> live = playground.snapshot().users();
            assertThat(tester.rows("users"))
                    .as("4 new users per step; deletes need a deletes feed (incremental-deletes)")
                    .hasSize(200 + 2 * 4);
            assertThat(upserts).isLessThan(30);
            User newest = live.get(live.size() - 1);
            assertThat(tester.row("users", "id", newest.id())).containsEntry("email", newest.email());
        }
    }

    @Test
    void aWrongPasswordFailsTheSyncWithoutShowingIt() {
        Map<String, String> wrong =
                Map.of("base_url", playground.baseUrl(), "username", "playground", "password", "not-the-password");
        try (ConnectorTester tester =
                ConnectorTester.of(new SessionTokenConnector()).configuration(wrong)) {
            String message = tester.sync().assertFailed().failureMessage();

            assertThat(message).contains("/auth/session_token/login", "401").doesNotContain("not-the-password");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester =
                ConnectorTester.of(new SessionTokenConnector()).configuration(configuration())) {
            assertThat(tester.assertResumesFromEveryCheckpoint().referenceCheckpoints())
                    .isGreaterThanOrEqualTo(10);
        }
    }

    private Map<String, String> configuration() {
        return Map.of(
                "base_url",
                playground.baseUrl(),
                "username",
                "playground",
                "password",
                "playground-password",
                "page_size",
                "20");
    }

    private long count(String request) {
        return requests.stream().filter(line -> line.contains(request)).count();
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
