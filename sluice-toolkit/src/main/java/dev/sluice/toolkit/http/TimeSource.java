package dev.sluice.toolkit.http;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the sleeper of the HTTP client, its rate limiters and token renewals. Production
 * uses {@link #system()}; tests inject a fake that advances on {@link #sleep(Duration)} so that
 * backoff and rate limits are checked without waiting. Implementations must be thread-safe.
 */
public interface TimeSource {

    /** @return a monotonic reading in nanoseconds, for measuring intervals */
    long nanoTime();

    /** @return the current wall-clock time, for token expiry and HTTP dates */
    Instant now();

    /**
     * Waits for the given time.
     *
     * @param duration how long; zero or negative returns at once
     * @throws InterruptedException when the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** @return the real clock and {@link Thread#sleep} */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}
