package dev.sluice.server.internal.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What an API key looks like and how it is stored: {@code sk_} and 43 characters of base64url (256
 * random bits), kept as its SHA-256 (a key that random needs no slow hash) with its first characters
 * as a prefix to tell keys apart.
 */
public final class ApiKeyFormat {

    /** The shortest key accepted from {@code SLUICE_ADMIN_API_KEY}. */
    public static final int MIN_LENGTH = 20;

    private static final String PREFIX = "sk_";
    private static final int PREFIX_SHOWN = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {}

    /** @return a new random key */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @param key a key
     * @return its SHA-256 in hex, as stored
     */
    public static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /**
     * @param key a key
     * @return its first characters, shown in lists to tell keys apart: {@code sk_} and five random ones
     *     of a generated key, only the first three of a key the operator chose (which may be short)
     */
    public static String prefix(String key) {
        int shown = key.startsWith(PREFIX) ? PREFIX_SHOWN : PREFIX.length();
        return key.substring(0, Math.min(shown, key.length()));
    }

    /**
     * @param key a key chosen by the operator
     * @return null when it is acceptable, else what is wrong
     */
    public static String problem(String key) {
        if (key.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters long";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c > '~') {
                return "must be printable ASCII without spaces";
            }
        }
        return null;
    }
}
