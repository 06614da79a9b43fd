package dev.sluice.toolkit.http;

import java.time.Duration;

/**
 * The request rate to one host: a token bucket (kept as the time the bucket would be empty, GCRA-style, so a
 * burst of {@code burst} requests is allowed after a quiet spell) that adapts to the server. On a
 * 429 the rate halves (down to a floor of 1/64 of the configured rate) and every caller waits out
 * the server's pause; each success then wins back 1/16 of the configured rate. Without a
 * configured rate, only the pauses apply.
 *
 * <p>Thread-safe: callers wait outside the lock, each on its own reserved slot.
 */
public final class HostRateLimiter {

    private static final double RECOVERY_STEP = 1.0 / 16;
    private static final double FLOOR = 1.0 / 64;

    private final double configuredRate;
    private final int burst;
    private final TimeSource time;
    private double rate;
    private long nextFreeNanos;
    private long pausedUntilNanos;

    /**
     * @param requestsPerSecond the configured rate; 0 or less for no limit
     * @param burst how many requests may go at once after a quiet spell, at least 1
     * @param time the clock and sleeper
     */
    public HostRateLimiter(double requestsPerSecond, int burst, TimeSource time) {
        this.configuredRate = requestsPerSecond > 0 ? requestsPerSecond : 0;
        this.burst = Math.max(1, burst);
        this.time = time;
        this.rate = configuredRate;
        long now = time.nanoTime();
        this.nextFreeNanos = now;
        this.pausedUntilNanos = now;
    }

    /**
     * Waits until this caller may send a request.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = time.nanoTime();
            long start = Math.max(now, pausedUntilNanos);
            if (rate > 0) {
                long interval = intervalNanos();
                long emptyAt = Math.max(nextFreeNanos, now);
                start = Math.max(start, emptyAt - (burst - 1) * interval);
                nextFreeNanos = Math.max(emptyAt, start) + interval;
            }
            wait = start - now;
        }
        if (wait > 0) {
            time.sleep(Duration.ofNanos(wait));
        }
    }

    /**
     * The server answered 429: halve the rate and hold every request for {@code pause}.
     *
     * @param pause how long no request may go, from now
     */
    public synchronized void throttled(Duration pause) {
        long now = time.nanoTime();
        pausedUntilNanos = Math.max(pausedUntilNanos, now + pause.toNanos());
        if (configuredRate > 0) {
            rate = Math.max(configuredRate * FLOOR, rate / 2);
        }
    }

    /** A request succeeded: win back part of the rate lost to 429s. */
    public synchronized void succeeded() {
        if (configuredRate > 0 && rate < configuredRate) {
            rate = Math.min(configuredRate, rate + configuredRate * RECOVERY_STEP);
        }
    }

    /** @return the current rate in requests per second; 0 when there is no limit */
    public synchronized double currentRate() {
        return rate;
    }

    private long intervalNanos() {
        return (long) (1_000_000_000L / rate);
    }
}
