package dev.sluice.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 10:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 09:00:00 GMT", NOW))
                .as("a past date")
                .contains(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    }

    @Test
    void backoffUsesFullJitterUpToTheCap() {
        RetryPolicy policy = RetryPolicy.exponential(10, Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(policy.backoff(1, () -> 0.999999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(policy.backoff(3, () -> 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(9, () -> 0.5)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(4, () -> 0.0)).isEqualTo(Duration.ZERO);
    }
}
