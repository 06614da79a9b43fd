package dev.sluice.playground.http;

import java.util.Random;

/** Decides, from a seeded random sequence, which requests fail with 500, 502 or 503. Thread-safe. */
final class FailureInjector {

    private static final int[] STATUSES = {500, 502, 503};

    private final double rate;
    private final Random random;

    FailureInjector(double rate, long seed) {
        this.rate = rate;
        this.random = new Random(seed ^ 0x5EED_FA11L);
    }

    /** @return 0 for a request that goes on, else the status to fail it with */
    synchronized int draw() {
        if (rate <= 0) {
            return 0;
        }
        boolean fail = random.nextDouble() < rate;
        int status = STATUSES[random.nextInt(STATUSES.length)];
        return fail ? status : 0;
    }
}
