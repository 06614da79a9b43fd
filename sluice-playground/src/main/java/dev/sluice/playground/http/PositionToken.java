package dev.sluice.playground.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * An opaque token for a position in a list ordered by (updatedAt, id): URL-safe base64 of
 * {@code kind|epochMillis|id}. The kind keeps a keyset token from being used as a cursor and the
 * other way round.
 */
record PositionToken(Instant updatedAt, String id) {

    String encode(String kind) {
        String text = kind + "|" + updatedAt.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static PositionToken decode(String kind, String parameter, String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length == 3 && parts[0].equals(kind)) {
                return new PositionToken(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiError.badRequest(
                parameter,
                "is not a token this API returned; pass back the " + parameter
                        + " value of the previous response unchanged");
    }

    boolean before(Instant otherUpdatedAt, String otherId) {
        int byTime = updatedAt.compareTo(otherUpdatedAt);
        return byTime < 0 || byTime == 0 && id.compareTo(otherId) < 0;
    }
}
