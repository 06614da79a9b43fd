package dev.sluice.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.sdk.State;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateJsonTest {

    @TempDir
    Path dir;

    @Test
    void readTextOfAMissingFileIsNull() {
        assertThat(StateJson.readText(dir.resolve("state.json"))).isNull();
    }

    @Test
    void parsesNumbersExactly() {
        State state = StateJson.parse(
                "{\"i\": 1, \"big\": 12345678901234, \"d\": 0.1, \"s\": \"x\", \"b\": true,"
                        + " \"n\": null, \"l\": [1, {\"k\": 2.50}]}",
                "test");
        assertThat(state.get("i")).isEqualTo(1L);
        assertThat(state.get("big")).isEqualTo(12345678901234L);
        assertThat(state.get("d")).isEqualTo(new BigDecimal("0.1"));
        assertThat(state.getString("s")).isEqualTo("x");
        assertThat(state.get("b")).isEqualTo(true);
        assertThat(state.has("n")).isTrue();
        assertThat(state.get("l")).isEqualTo(List.of(1L, Map.of("k", new BigDecimal("2.50"))));
    }

    @Test
    void roundTripsThroughJson() {
        State state = State.empty()
                .put("cursor", "2024-01-01T00:00:00Z")
                .put("page", 3)
                .put("ratio", 0.25)
                .put("exact", new BigDecimal("1.10"))
                .put("nested", Map.of("ids", List.of(1, 2)));
        String json = StateJson.toJson(state);
        assertThat(json).startsWith("{\"cursor\":\"2024-01-01T00:00:00Z\",\"page\":3,\"ratio\":0.25,\"exact\":1.10,");
        State back = StateJson.parse(json, "test");
        assertThat(back.getLong("page", 0)).isEqualTo(3);
        assertThat(back.get("exact")).isEqualTo(new BigDecimal("1.10"));
        assertThat(StateJson.toJson(back)).isEqualTo(json);
    }

    @Test
    void decimalsKeepTheirNotationFromOneCheckpointToTheNext() {
        String json = "{\"a\":100.0,\"b\":2.50,\"c\":1E+3,\"d\":0.000}";
        assertThat(StateJson.toJson(StateJson.parse(json, "test"))).isEqualTo(json);
    }

    @Test
    void rejectsWhatIsNotAJsonObjectNamingTheSourceAndReset() {
        for (String text : List.of("{\"a\": ", "[]", "1", "\"s\"", "null", "", "{\"a\": 1} {")) {
            assertThatThrownBy(() -> StateJson.parse(text, "/p/files/state.json"))
                    .as(text)
                    .hasMessageContaining("/p/files/state.json")
                    .hasMessageContaining("sluice reset");
        }
    }

    @Test
    void writesAtomicallyReplacingTheOldContent() throws IOException {
        Path file = dir.resolve("files/state.json");
        StateJson.write(file, "{\"a\":1}");
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}");
        StateJson.write(file, "{}");
        assertThat(Files.readString(file)).isEqualTo("{}");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
        StateJson.write(file, "{\"u\":\"ü☃\"}");
        assertThat(StateJson.readText(file)).isEqualTo("{\"u\":\"ü☃\"}");
    }

    @Test
    void aLeftoverTemporaryFileDoesNotMatter() throws IOException {
        Path file = dir.resolve("state.json");
        Files.writeString(dir.resolve("state.json.tmp"), "{\"half\":");
        StateJson.write(file, "{\"a\":2}");
        assertThat(Files.readString(file)).isEqualTo("{\"a\":2}");
        assertThat(dir.resolve("state.json.tmp")).doesNotExist();
    }
}
