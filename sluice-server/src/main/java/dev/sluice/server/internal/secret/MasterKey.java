package dev.sluice.server.internal.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES master key and its id (a short hash of the key that tells which key encrypted a
 * value, without revealing it). {@link #toString()} shows the id only.
 */
public final class MasterKey {

    /** The key's length in bytes. */
    public static final int BYTES = 32;

    private final byte[] key;
    private final String id;

    private MasterKey(byte[] key) {
        this.key = key.clone();
        this.id = idOf(key);
    }

    /** @return a new random key */
    public static MasterKey generate() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /**
     * @param base64 the base64 of 32 bytes, surrounding whitespace allowed
     * @return the key, or empty when the text is not base64 or not 32 bytes long
     */
    public static Optional<MasterKey> parse(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.strip());
            return bytes.length == BYTES ? Optional.of(new MasterKey(bytes)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return the key in base64, as {@link #parse} reads it */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    /** @return the key's id: 12 hex digits of a hash of it */
    public String id() {
        return id;
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("sluice master key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest.digest(key), 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
