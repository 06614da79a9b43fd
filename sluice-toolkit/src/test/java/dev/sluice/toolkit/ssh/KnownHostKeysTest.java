package dev.sluice.toolkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.HostKeyRepository;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KnownHostKeysTest {

    private static final byte[] ED25519 = blob("ssh-ed25519", 32, (byte) 1);
    private static final byte[] OTHER_ED25519 = blob("ssh-ed25519", 32, (byte) 2);
    private static final byte[] ECDSA = blob("ecdsa-sha2-nistp256", 40, (byte) 3);

    private static byte[] blob(String type, int keyLength, byte fill) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(4 + name.length + 4 + keyLength);
        buffer.putInt(name.length).put(name).putInt(keyLength);
        for (int i = 0; i < keyLength; i++) {
            buffer.put(fill);
        }
        return buffer.array();
    }

    private static String line(String host, byte[] blob) {
        return (host.isEmpty() ? "" : host + " ") + KnownHostKeys.typeOf(blob) + " "
                + Base64.getEncoder().encodeToString(blob);
    }

    @Test
    void acceptsOnlyTheConfiguredKeyAndTellsAChangedKeyFromAnUnknownType() {
        KnownHostKeys keys = KnownHostKeys.parse("# bastion\n" + line("[bastion]:2222", ED25519) + " comment\n");

        assertThat(keys.check("anything", ED25519)).isEqualTo(HostKeyRepository.OK);
        assertThat(keys.check("anything", OTHER_ED25519)).isEqualTo(HostKeyRepository.CHANGED);
        assertThat(keys.describePresented()).isEqualTo("ssh-ed25519 " + KnownHostKeys.fingerprint(OTHER_ED25519));
        assertThat(keys.check("anything", ECDSA)).isEqualTo(HostKeyRepository.NOT_INCLUDED);
        assertThat(keys.algorithms()).isEqualTo("ssh-ed25519");
    }

    @Test
    void readsSeveralLinesWithOrWithoutHostAndOffersTheirAlgorithms() {
        KnownHostKeys keys =
                KnownHostKeys.parse(line("", ECDSA) + "\r\n" + line("bastion", blob("ssh-rsa", 64, (byte) 4)));

        assertThat(keys.algorithms()).isEqualTo("ecdsa-sha2-nistp256,rsa-sha2-512,rsa-sha2-256");
        assertThat(keys.getHostKey("h", null)).hasSize(2);
    }

    @Test
    void refusesEntriesItCannotUse() {
        assertThatThrownBy(() -> KnownHostKeys.parse(" ")).hasMessageContaining("ssh-keyscan");
        assertThatThrownBy(() -> KnownHostKeys.parse("bastion AAAA")).hasMessageContaining("has no key type");
        assertThatThrownBy(() -> KnownHostKeys.parse("@revoked " + line("bastion", ED25519)))
                .hasMessageContaining("@revoked");
        assertThatThrownBy(() -> KnownHostKeys.parse(
                        "bastion ssh-rsa " + Base64.getEncoder().encodeToString(ED25519)))
                .hasMessageContaining("says 'ssh-rsa' but holds a key of type 'ssh-ed25519'");
    }

    @Test
    void fingerprintsAsSshKeygenPrintsThem() {
        assertThat(KnownHostKeys.fingerprint(ED25519)).startsWith("SHA256:").doesNotEndWith("=");
    }
}
