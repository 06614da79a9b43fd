package dev.sluice.server.internal.apikey;

import java.time.Instant;

/**
 * A stored API key, without the key itself.
 *
 * @param id its id
 * @param name what it is for
 * @param prefix the key's first characters
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, or null while it works
 */
public record ApiKey(String id, String name, String prefix, Instant createdAt, Instant revokedAt) {

    /** @return whether it was revoked */
    public boolean revoked() {
        return revokedAt != null;
    }
}
