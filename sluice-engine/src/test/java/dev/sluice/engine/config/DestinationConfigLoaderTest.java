package dev.sluice.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.sdk.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same rules for a destination file and for JSON parsed elsewhere (the server's requests). */
class DestinationConfigLoaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aFileIsReadAndItsMistakesNameTheFileAndKey() throws Exception {
        Path file = dir.resolve("destination.json");
        Files.writeString(
                file,
                "{\"type\": \"postgres\", \"host\": \"db\", \"database\": \"dw\", \"user\": \"u\", \"password\": \"pw\"}");
        assertThat(DestinationConfigLoader.load(file, dir))
                .isEqualTo(new DestinationConfig.Postgres("db", 5432, "dw", "u", "pw", "tester"));

        Files.writeString(file, "{\"type\": \"postgres\", \"database\": \"dw\", \"user\": \"u\"}");
        assertThatThrownBy(() -> DestinationConfigLoader.load(file, dir))
                .isInstanceOf(SyncException.class)
                .hasMessage("Destination file " + file + " has no \"host\": add it");
    }

    @Test
    void parsedJsonFollowsTheSameRulesWithItsOwnSubject() throws Exception {
        JsonNode duckDb = MAPPER.readTree("{\"type\": \"duckdb\", \"path\": \"lake/a.db\", \"schema\": \"s\"}");
        assertThat(DestinationConfigLoader.parse(duckDb, "Destination \"a\"", dir))
                .isEqualTo(new DestinationConfig.DuckDb(dir.resolve("lake/a.db"), "s"));

        JsonNode unknownKey = MAPPER.readTree("{\"type\": \"duckdb\", \"name\": \"a\"}");
        assertThatThrownBy(() -> DestinationConfigLoader.parse(unknownKey, "Destination \"a\"", dir))
                .hasMessageStartingWith("Destination \"a\": unknown key [name] for type \"duckdb\"");

        JsonNode badPassword = MAPPER.readTree(
                "{\"type\": \"postgres\", \"host\": \"h\", \"database\": \"d\", \"user\": \"u\", \"password\": 4711}");
        assertThatThrownBy(() -> DestinationConfigLoader.parse(badPassword, "Destination \"a\"", dir))
                .hasMessage("Destination \"a\": \"password\" must be a string (its value is not shown)");

        assertThatThrownBy(() -> DestinationConfigLoader.parse(MAPPER.readTree("[]"), "Destination \"a\"", dir))
                .hasMessageStartingWith("Destination \"a\" must be a JSON object");
        assertThatThrownBy(() -> DestinationConfigLoader.parse(MAPPER.readTree("{}"), "Destination \"a\"", dir))
                .hasMessage("Destination \"a\" has no \"type\": set it to \"postgres\" or \"duckdb\"");
    }
}
