package dev.sluice.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.toolkit.testing.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final FakeTime time = new FakeTime();
    private final RetrySchedule schedule = new RetrySchedule(
            RetryPolicy.exponential(3, Duration.ofSeconds(1), Duration.ofSeconds(10))
                    .withMaxRetryAfter(Duration.ofMinutes(1)),
            time,
            () -> 0.5);

    @Test
    void allowsRetriesUntilTheAttemptsAreSpent() {
        assertThat(schedule.retries()).isEqualTo(2);
        assertThat(schedule.allowsRetryAfter(1)).isTrue();
        assertThat(schedule.allowsRetryAfter(2)).isTrue();
        assertThat(schedule.allowsRetryAfter(3)).isFalse();
    }

    @Test
    void aServersRetryAfterTakesThePlaceOfTheBackoffUpToTheCap() {
        assertThat(schedule.waitAfter("7", 1)).isEqualTo(Duration.ofSeconds(7));
        assertThat(schedule.waitAfter("3600", 1)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void withoutAReadableRetryAfterTheJitteredBackoffApplies() {
        assertThat(schedule.waitAfter(null, 1)).isEqualTo(Duration.ofMillis(500));
        assertThat(schedule.waitAfter("soon", 2)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void sleepsOnTheClientsClock() {
        schedule.sleep(Duration.ofSeconds(3));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }
}
