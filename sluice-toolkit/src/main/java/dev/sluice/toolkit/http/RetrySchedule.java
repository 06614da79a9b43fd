package dev.sluice.toolkit.http;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a failed attempt may be retried and how long to wait first: the {@link RetryPolicy}'s
 * attempts and jittered backoff, or the server's {@code Retry-After} (cut to the policy's cap) when
 * it sends one. Waits on the client's {@link TimeSource}. Thread-safe.
 */
final class RetrySchedule {

    private final RetryPolicy policy;
    private final TimeSource time;
    private final DoubleSupplier random;

    RetrySchedule(RetryPolicy policy, TimeSource time, DoubleSupplier random) {
        this.policy = policy;
        this.time = time;
        this.random = random;
    }

    /**
     * @param attempt the attempt that just failed, 1 for the first
     * @return whether the policy allows another
     */
    boolean allowsRetryAfter(int attempt) {
        return attempt < policy.maxAttempts();
    }

    /** @return how many retries the policy allows in all */
    int retries() {
        return policy.maxAttempts() - 1;
    }

    /**
     * @param attempt the attempt that just failed, 1 for the first
     * @return the jittered backoff before the next one
     */
    Duration backoff(int attempt) {
        return policy.backoff(attempt, random);
    }

    /**
     * @param retryAfter the {@code Retry-After} header of a 429 or 5xx response, or null
     * @param attempt the attempt that got the response, 1 for the first
     * @return the wait the header asks for, capped, or the backoff when there is no readable header
     */
    Duration waitAfter(String retryAfter, int attempt) {
        return RetryAfter.parse(retryAfter, time.now())
                .map(policy::capRetryAfter)
                .orElseGet(() -> backoff(attempt));
    }

    /**
     * @param wait how long to wait before retrying
     * @throws HttpSourceException when the thread is interrupted while waiting (its flag set again)
     */
    void sleep(Duration wait) {
        try {
            time.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpSourceException("Interrupted while waiting to retry a request", e);
        }
    }
}
