package dev.sluice.toolkit.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token and when it expires.
 *
 * @param value the token
 * @param expiresAt when it expires, or null when the server did not say (renewed only on a 401)
 */
public record Token(String value, Instant expiresAt) {

    /**
     * Checks the value.
     *
     * @param value the token
     * @param expiresAt when it expires, or null when the server did not say (renewed only on a 401)
     */
    public Token {
        Objects.requireNonNull(value, "value");
    }

    /**
     * @param now the current time
     * @param margin how long before expiry a token counts as expiring
     * @return whether the token must be renewed before use
     */
    public boolean expiresWithin(Instant now, java.time.Duration margin) {
        return expiresAt != null && !now.plus(margin).isBefore(expiresAt);
    }

    /** Hides the value. */
    @Override
    public String toString() {
        return "Token[expiresAt=" + expiresAt + "]";
    }
}
