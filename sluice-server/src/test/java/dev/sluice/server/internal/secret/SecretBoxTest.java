package dev.sluice.server.internal.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String SECRET = "hunter2-pa$$word";

    private final MasterKey key = MasterKey.generate();
    private final SecretBox box = new SecretBox(key);

    @Test
    void sealedValueOpensWithTheSameKeyAndContextAndRecordsTheKeyId() {
        String sealed = box.seal(SECRET, "destination/a/password");

        assertThat(sealed).startsWith("v1." + key.id() + ".").doesNotContain(SECRET);
        assertThat(new String(Base64.getDecoder().decode(sealed.split("\\.")[2]), StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET);
        assertThat(box.open(sealed, "destination/a/password")).isEqualTo(SECRET);
        assertThat(new SecretBox(MasterKey.parse(key.toBase64()).orElseThrow()).open(sealed, "destination/a/password"))
                .isEqualTo(SECRET);
    }

    @Test
    void eachSealUsesAFreshNonce() {
        assertThat(box.seal(SECRET, "c")).isNotEqualTo(box.seal(SECRET, "c"));
    }

    @Test
    void anotherContextDoesNotOpenIt() {
        String sealed = box.seal(SECRET, "destination/a/password");

        assertThatThrownBy(() -> box.open(sealed, "destination/b/password"))
                .hasMessageContaining("destination/b/password")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void anotherKeyIsNamedByIdAndNeverDecryptsSilently() {
        String sealed = box.seal(SECRET, "c");
        SecretBox other = new SecretBox(MasterKey.generate());

        assertThatThrownBy(() -> other.open(sealed, "c"))
                .hasMessageContaining("master key " + key.id())
                .hasMessageContaining(other.keyId());
    }

    @Test
    void aChangedValueIsRefused() {
        String sealed = box.seal(SECRET, "c");
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> box.open(tampered, "c")).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void masterKeyParsingAcceptsOnly32Bytes() {
        assertThat(MasterKey.parse(Base64.getEncoder().encodeToString(new byte[32])))
                .isPresent();
        assertThat(MasterKey.parse(Base64.getEncoder().encodeToString(new byte[16])))
                .isEmpty();
        assertThat(MasterKey.parse("not base64 !")).isEmpty();
        assertThat(key.toString()).doesNotContain(key.toBase64()).contains(key.id());
    }
}
