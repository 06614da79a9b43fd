package dev.sluice.toolkit.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How often and how long the client retries connection errors, 429 and 5xx: exponential backoff
 * with full jitter (the delay before retry n is uniform in {@code [0, min(cap, base * 2^(n-1))]}),
 * and a cap on the waits a server asks for with {@code Retry-After}. Immutable.
 *
 * @param maxAttempts attempts in all, the first included; 1 disables retries
 * @param base the backoff before the first retry, before jitter
 * @param cap the longest backoff
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer waits are cut to it
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, Duration maxRetryAfter) {

    /** Five attempts, 500 ms base, 30 s cap, {@code Retry-After} up to 2 minutes. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));

    /** One attempt: nothing is retried. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /**
     * Validates the values.
     *
     * @param maxAttempts attempts in all, the first included; 1 disables retries
     * @param base the backoff before the first retry, before jitter
     * @param cap the longest backoff
     * @param maxRetryAfter the longest {@code Retry-After} honoured; longer waits are cut to it
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but is " + maxAttempts);
        }
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (base.isNegative() || cap.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("base, cap and maxRetryAfter must not be negative");
        }
    }

    /**
     * @param maxAttempts attempts in all, the first included
     * @param base the backoff before the first retry, before jitter
     * @param cap the longest backoff
     * @return a policy with these values and the default {@code Retry-After} cap
     */
    public static RetryPolicy exponential(int maxAttempts, Duration base, Duration cap) {
        return new RetryPolicy(maxAttempts, base, cap, DEFAULT.maxRetryAfter());
    }

    /**
     * @param maxRetryAfter the longest {@code Retry-After} honoured
     * @return a copy with that cap
     */
    public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
        return new RetryPolicy(maxAttempts, base, cap, maxRetryAfter);
    }

    /**
     * @param retry 1 for the first retry, 2 for the second...
     * @param random uniform values in [0, 1)
     * @return the backoff before that retry, with full jitter
     */
    public Duration backoff(int retry, DoubleSupplier random) {
        double ceiling = Math.min(cap.toNanos(), base.toNanos() * Math.pow(2, Math.max(0, retry - 1)));
        return Duration.ofNanos((long) (ceiling * random.getAsDouble()));
    }

    /**
     * @param requested what the server asked for
     * @return the wait, cut to {@link #maxRetryAfter()}
     */
    public Duration capRetryAfter(Duration requested) {
        return requested.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : requested;
    }
}
