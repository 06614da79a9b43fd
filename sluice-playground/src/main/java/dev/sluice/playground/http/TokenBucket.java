package dev.sluice.playground.http;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code ratePerSecond}. Thread-safe.
 */
final class TokenBucket {

    private final double ratePerSecond;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    TokenBucket(double ratePerSecond, int capacity) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.lastNanos = System.nanoTime();
    }

    /** @return 0 when the request may go on, else the whole seconds until a token is available (at least 1) */
    synchronized long acquire() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * ratePerSecond);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerSecond));
    }
}
