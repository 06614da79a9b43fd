package dev.sluice.playground;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of a {@link Playground}; immutable, built with {@link #builder()}. Each setter checks
 * its value and throws {@link IllegalArgumentException} naming the setting.
 */
public final class PlaygroundOptions {

    private final String host;
    private final int port;
    private final long seed;
    private final int users;
    private final double rateLimit;
    private final int capacity;
    private final double failureRate;
    private final Duration tokenTtl;
    private final Duration autoAdvance;
    private final Consumer<String> requestLog;
    private final Clock clock;

    private PlaygroundOptions(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.seed = builder.seed;
        this.users = builder.users;
        this.rateLimit = builder.rateLimit;
        this.capacity = builder.capacity;
        this.failureRate = builder.failureRate;
        this.tokenTtl = builder.tokenTtl;
        this.autoAdvance = builder.autoAdvance;
        this.requestLog = builder.requestLog;
        this.clock = builder.clock;
    }

    /** @return defaults: a free port on 127.0.0.1, seed 42, 200 users, no rate limit, no failures, tokens live 300 s */
    public static PlaygroundOptions defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the address to listen on */
    public String host() {
        return host;
    }

    /** @return the port to listen on; 0 picks a free one */
    public int port() {
        return port;
    }

    /** @return the seed of the data and of the failure sequence */
    public long seed() {
        return seed;
    }

    /** @return users at the start */
    public int users() {
        return users;
    }

    /** @return requests per second refilling the token bucket; 0 = no rate limit */
    public double rateLimit() {
        return rateLimit;
    }

    /** @return the token bucket's size */
    public int capacity() {
        return capacity;
    }

    /** @return the probability, 0 to 1, that a data route fails with 500, 502 or 503 */
    public double failureRate() {
        return failureRate;
    }

    /** @return lifetime of session tokens and OAuth access tokens */
    public Duration tokenTtl() {
        return tokenTtl;
    }

    /** @return the interval of automatic change steps, or null for none */
    public Duration autoAdvance() {
        return autoAdvance;
    }

    /** @return receives one line per request: method, path (never the query), status, milliseconds */
    public Consumer<String> requestLog() {
        return requestLog;
    }

    /** @return the clock of token expiry */
    public Clock clock() {
        return clock;
    }

    /** Builds {@link PlaygroundOptions}. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private long seed = 42;
        private int users = 200;
        private double rateLimit;
        private int capacity = 20;
        private double failureRate;
        private Duration tokenTtl = Duration.ofSeconds(300);
        private Duration autoAdvance;
        private Consumer<String> requestLog = line -> {};
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** @param host the address to listen on (default 127.0.0.1; 0.0.0.0 for all interfaces) */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** @param port 0 to 65535; 0 (the default) picks a free port */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** @param seed the seed of the data (default 42) */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @param users users at the start, 1 to 1,000,000 (default 200) */
        public Builder users(int users) {
            if (users < 1 || users > 1_000_000) {
                throw new IllegalArgumentException("users must be between 1 and 1000000, got " + users);
            }
            this.users = users;
            return this;
        }

        /** @param requestsPerSecond refill rate of the token bucket, more than 0; 0 turns rate limiting off (the default) */
        public Builder rateLimit(double requestsPerSecond) {
            if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
                throw new IllegalArgumentException(
                        "rateLimit must be a positive number of requests per second (0 for none), got "
                                + requestsPerSecond);
            }
            this.rateLimit = requestsPerSecond;
            return this;
        }

        /** @param capacity size of the token bucket, at least 1 (default 20) */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** @param failureRate probability from 0 (the default) to 1 that a data route fails with 500, 502 or 503 */
        public Builder failureRate(double failureRate) {
            if (!(failureRate >= 0 && failureRate <= 1)) {
                throw new IllegalArgumentException("failureRate must be between 0 and 1, got " + failureRate);
            }
            this.failureRate = failureRate;
            return this;
        }

        /** @param tokenTtl lifetime of session tokens and OAuth access tokens, positive (default 300 s) */
        public Builder tokenTtl(Duration tokenTtl) {
            if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
                throw new IllegalArgumentException("tokenTtl must be positive, got " + tokenTtl);
            }
            this.tokenTtl = tokenTtl;
            return this;
        }

        /** @param interval apply one change step per interval (positive), or null for none (the default) */
        public Builder autoAdvance(Duration interval) {
            if (interval != null && (interval.isNegative() || interval.isZero())) {
                throw new IllegalArgumentException("autoAdvance must be positive, got " + interval);
            }
            this.autoAdvance = interval;
            return this;
        }

        /** @param requestLog receives one line per request, from server threads (default: none) */
        public Builder requestLog(Consumer<String> requestLog) {
            this.requestLog = Objects.requireNonNull(requestLog, "requestLog");
            return this;
        }

        /** @param clock the clock of token expiry (default: the system clock) */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the options */
        public PlaygroundOptions build() {
            return new PlaygroundOptions(this);
        }
    }
}
