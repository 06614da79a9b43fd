package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.server.internal.db.DatabaseTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API contract with the metadata in the embedded H2 file of the data directory. */
class H2ServerApiIT extends ServerApiContract {

    @Override
    String databaseUrl() {
        return null;
    }

    @Override
    Map<String, String> environment() {
        return Map.of();
    }

    @Override
    Connection metadata() throws SQLException {
        // a second connection of this JVM to the same H2 file shares the server's open database
        return DriverManager.getConnection(DatabaseTarget.embedded(dataDir).jdbcUrl());
    }

    @Test
    void theMetadataIsAnH2FileAndNoFileInTheDataDirectoryHoldsThePassword() throws Exception {
        String body = "{\"name\": \"analytics\", \"type\": \"postgres\", \"host\": \"db.internal\","
                + " \"database\": \"dw\", \"user\": \"loader\", \"password\": \"" + SECRET + "\"}";
        assertThat(admin.post("/api/v1/destinations", body).status()).isEqualTo(201);
        server.close();
        server = null;

        assertThat(dataDir.resolve("metadata.mv.db")).isRegularFile();
        try (Stream<Path> files = Files.walk(dataDir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).isNotEmpty();
            for (Path file : all) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(SECRET);
            }
        }
    }
}
