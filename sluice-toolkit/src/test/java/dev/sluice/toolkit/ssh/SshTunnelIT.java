package dev.sluice.toolkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.ConfigurationException;
import dev.sluice.testservices.FreePorts;
import dev.sluice.testservices.SshServer;
import dev.sluice.testservices.SshServer.KeyPair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tunnels through a real OpenSSH sshd started for this class, to a real TCP echo server. */
class SshTunnelIT {

    private static SshServer sshd;
    private static EchoServer echo;
    private static KeyPair ed25519;
    private static KeyPair rsaPemWithPassphrase;
    private static KeyPair ed25519WithPassphrase;
    private static KeyPair stranger;

    @BeforeAll
    static void start() throws IOException {
        sshd = SshServer.start();
        echo = new EchoServer();
        Path keys = sshd.directory();
        ed25519 = KeyPair.generate(keys, "ed25519", "", false);
        rsaPemWithPassphrase = KeyPair.generate(keys, "rsa", "correct horse", true);
        ed25519WithPassphrase = KeyPair.generate(keys, "ed25519", "battery staple", false);
        Path strangers = Files.createDirectories(keys.resolve("strangers"));
        stranger = KeyPair.generate(strangers, "ed25519", "", false);
        sshd.authorize(ed25519);
        sshd.authorize(rsaPemWithPassphrase);
        sshd.authorize(ed25519WithPassphrase);
    }

    @AfterAll
    static void stop() throws IOException {
        echo.close();
        sshd.close();
    }

    private static SshTunnel.Builder bastion() {
        return SshTunnel.builder()
                .bastion(sshd.host(), sshd.port())
                .user(SshServer.USER)
                .knownHost(sshd.knownHostLine());
    }

    /** Sends the text and reads as many bytes back (no half-close: JSch ends a channel on EOF). */
    private static String roundTrip(int port, String text) throws IOException {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(sent);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(sent.length), StandardCharsets.UTF_8);
        }
    }

    @Test
    void forwardsALocalPortToTheTargetWithAnEd25519KeyAndStopsOnClose() throws Exception {
        int localPort;
        try (SshTunnel tunnel = bastion().privateKey(ed25519.privateKey(), null).open("127.0.0.1", echo.port())) {
            localPort = tunnel.localPort();
            assertThat(localPort).isPositive().isNotEqualTo(echo.port());
            assertThat(tunnel.isOpen()).isTrue();
            assertThat(roundTrip(localPort, "hello through the bastion")).isEqualTo("hello through the bastion");

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Future<?>[] calls = new Future<?>[8];
                for (int i = 0; i < calls.length; i++) {
                    String text = "connection " + i + " " + "x".repeat(100_000);
                    calls[i] = pool.submit(
                            () -> assertThat(roundTrip(localPort, text).equals(text))
                                    .as("100 kB echoed intact")
                                    .isTrue());
                }
                for (Future<?> call : calls) {
                    call.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", localPort).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void logsInWithEncryptedKeysInPemAndOpenSshFormatAndFromAFile() throws Exception {
        try (SshTunnel tunnel = bastion()
                .privateKey(rsaPemWithPassphrase.privateKey(), "correct horse")
                .open("127.0.0.1", echo.port())) {
            assertThat(roundTrip(tunnel.localPort(), "rsa")).isEqualTo("rsa");
        }
        try (SshTunnel tunnel = bastion()
                .privateKeyFile(ed25519WithPassphrase.privateKeyFile(), "battery staple")
                .open("127.0.0.1", echo.port())) {
            assertThat(roundTrip(tunnel.localPort(), "ed25519")).isEqualTo("ed25519");
        }
    }

    @Test
    void logsInWithAPasswordAndAKnownHostEntryWithoutHostField() throws Exception {
        try (SshTunnel tunnel = SshTunnel.builder()
                .bastion(sshd.host(), sshd.port())
                .user(SshServer.USER)
                .password(SshServer.PASSWORD)
                .knownHost(sshd.hostKey())
                .open("127.0.0.1", echo.port())) {
            assertThat(roundTrip(tunnel.localPort(), "password")).isEqualTo("password");
        }
    }

    @Test
    void readsItsSettingsFromAConnectorConfiguration() throws Exception {
        Configuration configuration = Configuration.of(Map.of(
                "ssh_host",
                sshd.host(),
                "ssh_port",
                String.valueOf(sshd.port()),
                "ssh_user",
                SshServer.USER,
                "ssh_private_key",
                ed25519.privateKey(),
                "ssh_known_host",
                sshd.knownHostLine()));
        try (SshTunnel tunnel = SshTunnel.builder().configuration(configuration).open("127.0.0.1", echo.port())) {
            assertThat(roundTrip(tunnel.localPort(), "configured")).isEqualTo("configured");
        }
        assertThatThrownBy(() -> SshTunnel.builder()
                        .configuration(Configuration.of(
                                Map.of("ssh_host", "h", "ssh_user", "u", "ssh_known_host", sshd.knownHostLine()))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Neither 'ssh_private_key' nor 'ssh_password' is set");
    }

    @Test
    void aWrongPasswordIsRejectedNamingBastionAndUserButNotThePassword() {
        assertThatThrownBy(() -> bastion().password("wrong-password-1234").open("127.0.0.1", echo.port()))
                .isInstanceOf(SshTunnelException.class)
                .hasMessage("The SSH bastion 127.0.0.1:" + sshd.port()
                        + " rejected user 'sluice-test' with the password:" + " check the user name and the password")
                .hasMessageNotContaining("wrong-password-1234");
    }

    @Test
    void aKeyTheBastionDoesNotKnowIsRejected() {
        assertThatThrownBy(
                        () -> bastion().privateKey(stranger.privateKey(), null).open("127.0.0.1", echo.port()))
                .isInstanceOf(SshTunnelException.class)
                .hasMessageContaining("rejected user 'sluice-test' with the configured private key")
                .hasMessageContaining("authorized_keys");
    }

    @Test
    void aWrongPassphraseOrNoKeyAtAllIsNamed() {
        assertThatThrownBy(() -> bastion()
                        .privateKey(rsaPemWithPassphrase.privateKey(), "wrong")
                        .open("127.0.0.1", echo.port()))
                .isInstanceOf(SshTunnelException.class)
                .hasMessageContaining("the passphrase is wrong")
                .hasMessageNotContaining("wrong\"");
        assertThatThrownBy(() -> bastion()
                        .privateKey(ed25519WithPassphrase.privateKey(), null)
                        .open("127.0.0.1", echo.port()))
                .hasMessageEndingWith("the key is encrypted: give its passphrase (ssh_private_key_passphrase)");
        assertThatThrownBy(() -> bastion().privateKey("not a key", null).open("127.0.0.1", echo.port()))
                .hasMessageContaining("it is not a private key JSch can read");
    }

    @Test
    void aHostKeyOtherThanTheConfiguredOneIsRefusedWithBothFingerprints() {
        String otherKey = KeyPair.generate(sshd.directory().resolve("strangers"), "ed25519", "", false)
                .publicKey();

        assertThatThrownBy(() -> SshTunnel.builder()
                        .bastion(sshd.host(), sshd.port())
                        .user(SshServer.USER)
                        .password(SshServer.PASSWORD)
                        .knownHost("[127.0.0.1]:" + sshd.port() + " " + otherKey)
                        .open("127.0.0.1", echo.port()))
                .isInstanceOf(SshTunnelException.class)
                .hasMessageStartingWith(
                        "The SSH bastion 127.0.0.1:" + sshd.port() + " presented the host key ssh-ed25519" + " SHA256:")
                .hasMessageContaining("which does not match the configured known host entry (ssh-ed25519 SHA256:")
                .hasMessageContaining("update ssh_known_host");
        assertThatThrownBy(() ->
                        bastion().knownHost("").password(SshServer.PASSWORD).open("127.0.0.1", echo.port()))
                .hasMessageContaining("no known host entry is configured");
        assertThatThrownBy(() -> bastion()
                        .knownHost("127.0.0.1 ssh-ed25519 not*base64")
                        .password(SshServer.PASSWORD)
                        .open("127.0.0.1", echo.port()))
                .hasMessageContaining("is not base64");
    }

    @Test
    void anUnreachableBastionOrTargetIsNamed() {
        int closed = FreePorts.find();
        assertThatThrownBy(() -> SshTunnel.builder()
                        .bastion("127.0.0.1", closed)
                        .user(SshServer.USER)
                        .password(SshServer.PASSWORD)
                        .knownHost(sshd.knownHostLine())
                        .open("127.0.0.1", echo.port()))
                .isInstanceOf(SshTunnelException.class)
                .hasMessageStartingWith("Cannot reach the SSH bastion 127.0.0.1:" + closed + ": Connection refused");
        assertThatThrownBy(() -> bastion().password(SshServer.PASSWORD).open("127.0.0.1", closed))
                .isInstanceOf(SshTunnelException.class)
                .hasMessageStartingWith(
                        "The SSH bastion 127.0.0.1:" + sshd.port() + " cannot reach 127.0.0.1:" + closed);
    }
}
