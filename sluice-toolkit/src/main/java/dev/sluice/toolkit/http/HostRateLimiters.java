package dev.sluice.toolkit.http;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link HostRateLimiter} of each host a client talks to, made on first use. Thread-safe. */
final class HostRateLimiters {

    private final double requestsPerSecond;
    private final int burst;
    private final TimeSource time;
    private final Map<String, HostRateLimiter> limiters = new ConcurrentHashMap<>();

    HostRateLimiters(double requestsPerSecond, int burst, TimeSource time) {
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
        this.time = time;
    }

    /**
     * @param host {@code host:port}, as {@link #hostOf(URI)} gives it
     * @return its limiter
     */
    HostRateLimiter forHost(String host) {
        return limiters.computeIfAbsent(host, key -> new HostRateLimiter(requestsPerSecond, burst, time));
    }

    /**
     * @param uri an absolute URI
     * @return its {@code host:port}, the port of http or https filled in
     */
    static String hostOf(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}
