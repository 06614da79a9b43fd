package dev.sluice.playground.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Issued access tokens with their expiry, and single-use refresh tokens. Thread-safe. */
final class TokenStore {

    enum Status {
        VALID,
        EXPIRED,
        UNKNOWN
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PURGE_ABOVE = 10_000;

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Duration ttl;
    private final Clock clock;

    TokenStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** @return the lifetime of access tokens in whole seconds, at least 1 */
    long expiresInSeconds() {
        return Math.max(1, (ttl.toMillis() + 999) / 1000);
    }

    String issue(String prefix) {
        if (expiries.size() > PURGE_ABOVE) {
            Instant now = clock.instant();
            expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        }
        String token = prefix + random();
        expiries.put(token, clock.instant().plus(ttl));
        return token;
    }

    Status check(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        if (expiry == null) {
            return Status.UNKNOWN;
        }
        return clock.instant().isBefore(expiry) ? Status.VALID : Status.EXPIRED;
    }

    String issueRefresh() {
        String token = "rt_" + random();
        refreshTokens.add(token);
        return token;
    }

    /** @return whether the refresh token was valid; it is not any more */
    boolean consumeRefresh(String token) {
        return token != null && refreshTokens.remove(token);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
