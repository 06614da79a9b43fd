package dev.sluice.server.internal.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets for storage and decrypts them: AES-256-GCM with the master key, a random 96-bit
 * nonce per value, and a context (what the value is, e.g. {@code destination/analytics/password})
 * bound as associated data, so a sealed value copied to another place does not open. A sealed value
 * reads {@code v1.<key id>.<base64 of nonce and ciphertext>}: it records the id of the key that
 * sealed it. Thread-safe.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey key;
    private final SecureRandom random = new SecureRandom();

    /** @param key the master key */
    public SecretBox(MasterKey key) {
        this.key = key;
    }

    /**
     * @param plaintext the secret
     * @param context what it is; the same context opens it
     * @return the sealed value
     */
    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return VERSION + "." + key.id() + "." + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + context + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param sealed a value {@link #seal} returned
     * @param context the context it was sealed with
     * @return the secret
     * @throws IllegalStateException naming the context (never the value) when another master key sealed
     *     it, or it was changed, or sealed for another context
     */
    public String open(String sealed, String context) {
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalStateException("the stored secret " + context + " is not in a format this server reads");
        }
        if (!parts[1].equals(key.id())) {
            throw new IllegalStateException("the stored secret " + context + " was encrypted with master key "
                    + parts[1] + ", not with this server's master key " + key.id());
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(parts[2]);
            if (bytes.length < NONCE_BYTES) {
                throw new IllegalStateException("the stored secret " + context + " is truncated");
            }
            byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, context);
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the stored secret " + context + " cannot be decrypted: it was changed or belongs elsewhere", e);
        }
    }

    /** @return the id of the key it seals with */
    public String keyId() {
        return key.id();
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
