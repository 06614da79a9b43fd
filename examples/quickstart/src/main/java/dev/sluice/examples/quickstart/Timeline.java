package dev.sluice.examples.quickstart;

import java.time.Instant;
import java.util.Random;

/**
 * Hands out {@code count} strictly increasing instants spread over {@code [from, to)}, so that
 * {@code updatedAt} is unique within a feed and a cursor on it never skips nor repeats a change.
 * (A real API needs a tie-breaker instead: keyset pagination on {@code (updated_at, id)}.)
 */
final class Timeline {

    private final Random random;
    private final long fromSecond;
    private final long step;
    private int handedOut;

    Timeline(Random random, Instant from, Instant to, int count) {
        this.random = random;
        this.fromSecond = from.getEpochSecond();
        this.step = (to.getEpochSecond() - fromSecond) / (count + 1L);
        if (step < 2) {
            throw new IllegalArgumentException(count + " changes do not fit between " + from + " and " + to
                    + ": lower the configured number of customers");
        }
    }

    /** @return the next instant, later than every one before */
    Instant next() {
        handedOut++;
        return Instant.ofEpochSecond(
                fromSecond + handedOut * step + random.nextInt((int) Math.min(step / 2, Integer.MAX_VALUE)));
    }
}
