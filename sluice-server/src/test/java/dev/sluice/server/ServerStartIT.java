package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and restarting a server: the admin key, the master key, and the mistakes at start. */
class ServerStartIT {

    @TempDir
    Path dataDir;

    private SluiceServer start(Map<String, String> env) {
        return SluiceServer.start(new ServerOptions(dataDir, "127.0.0.1", 0, null, env));
    }

    @Test
    void aFirstStartGeneratesTheAdminKeyOnceIntoAPrivateFile() throws Exception {
        String key;
        try (SluiceServer server = start(Map.of())) {
            key = server.generatedAdminKey().orElseThrow();
            Path file = dataDir.resolve("admin-api-key");
            assertThat(Files.readString(file).strip()).isEqualTo(key);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("master-key"))))
                    .isEqualTo("rw-------");
            assertThat(new ApiClient(server.url(), key).get("/api/v1/api-keys").status())
                    .isEqualTo(200);
        }
        try (SluiceServer again = start(Map.of())) {
            assertThat(again.generatedAdminKey()).isEmpty();
            assertThat(new ApiClient(again.url(), key)
                            .get("/api/v1/api-keys")
                            .json()
                            .path("items"))
                    .hasSize(1);
        }
    }

    @Test
    void theAdminKeyComesFromTheEnvironmentWhenSetAndNoFileIsWritten() {
        String chosen = "my-own-admin-key-that-is-long-enough";
        try (SluiceServer server = start(Map.of("SLUICE_ADMIN_API_KEY", chosen))) {
            assertThat(server.generatedAdminKey()).isEmpty();
            assertThat(dataDir.resolve("admin-api-key")).doesNotExist();
            assertThat(new ApiClient(server.url(), chosen)
                            .get("/api/v1/destinations")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aWeakAdminKeyFromTheEnvironmentIsRefused() {
        assertThatThrownBy(() -> start(Map.of("SLUICE_ADMIN_API_KEY", "short")))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("SLUICE_ADMIN_API_KEY must be at least 20 characters")
                .hasMessageNotContaining("short\"");
    }

    @Test
    void theMasterKeyFromTheEnvironmentIsUsedAndAnotherOneLaterIsRefused() {
        String first = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] otherBytes = new byte[32];
        otherBytes[0] = 1;
        String other = Base64.getEncoder().encodeToString(otherBytes);
        start(Map.of("SLUICE_MASTER_KEY", first)).close();
        assertThat(dataDir.resolve("master-key")).doesNotExist();

        assertThatThrownBy(() -> start(Map.of("SLUICE_MASTER_KEY", other)))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("Wrong master key: SLUICE_MASTER_KEY holds key")
                .hasMessageNotContaining(other);
        assertThatThrownBy(() -> start(Map.of()))
                .hasMessageContaining("neither SLUICE_MASTER_KEY nor the key file")
                .hasMessageContaining("master-key");
        assertThat(dataDir.resolve("master-key")).doesNotExist();
        start(Map.of("SLUICE_MASTER_KEY", first)).close();
    }

    @Test
    void aMalformedMasterKeyIsAClearError() throws Exception {
        assertThatThrownBy(() -> start(Map.of("SLUICE_MASTER_KEY", "c2hvcnQ=")))
                .hasMessageContaining("SLUICE_MASTER_KEY must be the base64 of 32 random bytes");
        Files.writeString(dataDir.resolve("master-key"), "garbage\n");
        assertThatThrownBy(() -> start(Map.of()))
                .hasMessageContaining("The master key file " + dataDir.resolve("master-key"));
    }

    @Test
    void aDeletedKeyFileIsNotSilentlyReplaced() throws Exception {
        start(Map.of()).close();
        Files.delete(dataDir.resolve("master-key"));

        assertThatThrownBy(() -> start(Map.of()))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("holds secrets sealed with master key");
        assertThat(dataDir.resolve("master-key")).doesNotExist();
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsToldWhy() {
        try (SluiceServer first = start(Map.of())) {
            assertThat(first.port()).isPositive();
            // H2 shares an open file within one JVM, so the second server must be another process to be refused
            // by the file lock; here the port in use shows the listen error instead
            assertThatThrownBy(() ->
                            SluiceServer.start(new ServerOptions(dataDir, "127.0.0.1", first.port(), null, Map.of())))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("is the port in use?");
        }
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresIsRefused() {
        assertThatThrownBy(() -> SluiceServer.start(
                        new ServerOptions(dataDir, "127.0.0.1", 0, "jdbc:mysql://db/sluice", Map.of())))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("--database must be a PostgreSQL JDBC URL")
                .hasMessageContaining("jdbc:mysql:");
    }

    @Test
    void anUnreachablePostgresIsNamedWithoutItsPassword() {
        assertThatThrownBy(() -> SluiceServer.start(new ServerOptions(
                        dataDir,
                        "127.0.0.1",
                        0,
                        "jdbc:postgresql://127.0.0.1:1/sluice?password=topsecret-pw&connectTimeout=2",
                        Map.of())))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("Cannot open the metadata database PostgreSQL 127.0.0.1:1/sluice")
                .hasMessageNotContaining("topsecret-pw");
    }
}
