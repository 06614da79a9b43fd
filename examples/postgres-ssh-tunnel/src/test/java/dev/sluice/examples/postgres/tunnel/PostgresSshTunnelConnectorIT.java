package dev.sluice.examples.postgres.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.SyncOutcome;
import dev.sluice.testservices.PostgresServer;
import dev.sluice.testservices.SshServer;
import dev.sluice.testservices.SshServer.KeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Syncs a real PostgreSQL through a real OpenSSH sshd (both on loopback, started for this class):
 * the database listens on 127.0.0.1 and the connector reaches it as the bastion sees it.
 */
class PostgresSshTunnelConnectorIT {

    private static PostgresServer postgres;
    private static SshServer sshd;
    private static KeyPair key;
    private static final String DB = "shop";

    @BeforeAll
    static void start() throws IOException {
        postgres = PostgresServer.start();
        sshd = SshServer.start();
        key = KeyPair.generate(sshd.directory(), "ed25519", "open sesame", false);
        sshd.authorize(key);
        postgres.createDatabase(DB);
        postgres.execute(DB, Files.readString(Path.of("sql/schema.sql")), Files.readString(Path.of("sql/seed.sql")));
    }

    @AfterAll
    static void stop() {
        sshd.close();
        postgres.close();
    }

    private static Map<String, String> configuration() {
        Map<String, String> configuration = new HashMap<>();
        configuration.put("host", "127.0.0.1");
        configuration.put("port", String.valueOf(postgres.port()));
        configuration.put("database", DB);
        configuration.put("user", PostgresServer.USER);
        configuration.put("password", PostgresServer.PASSWORD);
        configuration.put("batch_size", "500");
        configuration.put("ssh_host", sshd.host());
        configuration.put("ssh_port", String.valueOf(sshd.port()));
        configuration.put("ssh_user", SshServer.USER);
        configuration.put("ssh_known_host", sshd.knownHostLine());
        return configuration;
    }

    @Test
    void syncsThroughTheTunnelWithAnEncryptedPrivateKeyAndResumes() {
        Map<String, String> configuration = configuration();
        configuration.put("ssh_private_key", key.privateKey());
        configuration.put("ssh_private_key_passphrase", "open sesame");
        try (ConnectorTester tester =
                ConnectorTester.of(new PostgresSshTunnelConnector()).configuration(configuration)) {
            SyncOutcome first = tester.sync().assertSucceeded();

            assertThat(tester.rows("customers")).hasSize(1000);
            assertThat(tester.rows("orders")).hasSize(3000);
            assertThat(first.checkpoints()).isEqualTo(2 + 6 + 1);
            assertThat(tester.row("customers", "id", 1000L)).containsEntry("email", "customer.1000@example.com");

            postgres.execute(DB, "UPDATE orders SET status = 'lost' WHERE id = 42");
            SyncOutcome next = tester.sync().assertSucceeded();
            assertThat(next.metrics().upserts()).isEqualTo(1);
            assertThat(tester.row("orders", "id", 42L)).containsEntry("status", "lost");
        }
    }

    @Test
    void syncsThroughTheTunnelWithAPassword() {
        Map<String, String> configuration = configuration();
        configuration.put("ssh_password", SshServer.PASSWORD);
        try (ConnectorTester tester =
                ConnectorTester.of(new PostgresSshTunnelConnector()).configuration(configuration)) {
            tester.sync().assertSucceeded();
            assertThat(tester.rows("orders")).hasSizeGreaterThanOrEqualTo(3000);
        }
    }

    @Test
    void aBastionWithAnotherHostKeyIsRefused() {
        Map<String, String> configuration = configuration();
        configuration.put("ssh_password", SshServer.PASSWORD);
        configuration.put("ssh_known_host", otherHostKey());
        try (ConnectorTester tester =
                ConnectorTester.of(new PostgresSshTunnelConnector()).configuration(configuration)) {
            SyncOutcome run = tester.sync().assertFailedWith("does not match the configured known host entry");
            assertThat(run.failureMessage())
                    .contains("127.0.0.1:" + sshd.port())
                    .doesNotContain(SshServer.PASSWORD);
            assertThat(tester.tables()).isEmpty();
        }
    }

    @Test
    void aWrongSshPasswordNamesTheBastionAndUser() {
        Map<String, String> configuration = configuration();
        configuration.put("ssh_password", "not-it-123");
        try (ConnectorTester tester =
                ConnectorTester.of(new PostgresSshTunnelConnector()).configuration(configuration)) {
            SyncOutcome run = tester.sync().assertFailedWith("rejected user 'sluice-test' with the password");
            assertThat(run.failureMessage()).doesNotContain("not-it-123");
        }
    }

    private static String otherHostKey() {
        try {
            Path dir = Files.createDirectories(sshd.directory().resolve("other"));
            return "[127.0.0.1]:" + sshd.port() + " "
                    + KeyPair.generate(dir, "ed25519", "", false).publicKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
