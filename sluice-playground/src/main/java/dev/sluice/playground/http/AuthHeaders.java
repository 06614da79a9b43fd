package dev.sluice.playground.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads credentials from the {@code Authorization} header. */
final class AuthHeaders {

    /** A user name and password of HTTP Basic authentication. */
    record Basic(String user, String password) {}

    private AuthHeaders() {}

    /** @return the value after {@code scheme} (case-insensitive) in the Authorization header, or null */
    static String credential(Context ctx, String scheme) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return null;
        }
        String trimmed = header.strip();
        if (trimmed.length() > scheme.length()
                && trimmed.regionMatches(true, 0, scheme, 0, scheme.length())
                && trimmed.charAt(scheme.length()) == ' ') {
            return trimmed.substring(scheme.length() + 1).strip();
        }
        return null;
    }

    /** @return the Basic credentials, or null when absent or not decodable */
    static Basic basic(Context ctx) {
        String encoded = credential(ctx, "Basic");
        if (encoded == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
