package dev.sluice.examples.quickstart;

import java.time.Duration;
import java.time.Instant;

/**
 * The emulated shop's calendar. Day 0 is the shop's history, the year up to 2024-01-01; day n
 * (n &ge; 1) is the n-th day after it. The first sync reads the shop as of the end of day 0, each
 * later sync one day further: every sync is "the next day".
 */
final class ShopClock {

    static final Instant HISTORY_END = Instant.parse("2024-01-01T00:00:00Z");
    static final Duration HISTORY_LENGTH = Duration.ofDays(365);

    private ShopClock() {}

    /**
     * @param day a day number, from 0
     * @return the first instant of that day
     */
    static Instant startOf(long day) {
        return day == 0 ? HISTORY_END.minus(HISTORY_LENGTH) : endOf(day - 1);
    }

    /**
     * @param day a day number, from 0
     * @return the instant that ends that day (exclusive)
     */
    static Instant endOf(long day) {
        return HISTORY_END.plus(Duration.ofDays(day));
    }
}
