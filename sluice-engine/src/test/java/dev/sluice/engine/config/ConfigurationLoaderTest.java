package dev.sluice.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationLoaderTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("configuration.json"), text);
    }

    @Test
    void loadsAFlatObjectOfStringsInOrder() throws IOException {
        Configuration configuration = ConfigurationLoader.load(file("{\"b\": \"2\", \"a\": \"\", \"c\": \"ü\"}"));
        assertThat(configuration.asMap()).containsExactly(Map.entry("b", "2"), Map.entry("a", ""), Map.entry("c", "ü"));
        assertThat(ConfigurationLoader.load(file("{}")).asMap()).isEmpty();
        assertThat(ConfigurationLoader.load(file(" \n{ }\n")).asMap()).isEmpty();
    }

    @Test
    void aMissingDefaultFileSuggestsGivingAnother() {
        Path missing = dir.resolve("configuration.json");
        assertThatThrownBy(() -> ConfigurationLoader.load(missing))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not found")
                .hasMessageContaining("--configuration");
    }

    @Test
    void aMissingOtherFileIsNamedWithoutSuggestingToGiveAFile() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> ConfigurationLoader.load(missing))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not found")
                .hasMessageNotContaining("--configuration");
    }

    @Test
    void theConfigurationsOwnMessagesNameTheFileItWasReadFrom() throws IOException {
        Path other = Files.writeString(dir.resolve("cfg.json"), "{\"port\": \"x\"}");
        Configuration configuration = ConfigurationLoader.load(other);

        assertThatThrownBy(() -> configuration.require("api_key"))
                .hasMessageContaining("add it to " + other + ",")
                .hasMessageNotContaining("configuration.json");
        assertThatThrownBy(() -> configuration.getInt("port", 1)).hasMessageEndingWith("fix it in " + other);
        assertThatThrownBy(() -> ConfigurationLoader.of(Map.of()).require("api_key"))
                .hasMessageContaining("add it to the configuration given in code");
    }

    @Test
    void invalidJsonNamesTheFileAndPositionButNotTheText() throws IOException {
        Path file = file("{\n  \"password\": \"hunter2\"\n  \"user\": \"bob\"\n}");
        assertThatThrownBy(() -> ConfigurationLoader.load(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("bob");
        Path trailing = file("{\"a\": \"hunter2\"} trailing");
        assertThatThrownBy(() -> ConfigurationLoader.load(trailing))
                .hasMessageContaining(trailing.toString())
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("trailing");
    }

    @Test
    void notAnObject() throws IOException {
        assertThatThrownBy(() -> ConfigurationLoader.load(file("[\"hunter2\"]")))
                .hasMessageContaining("JSON object")
                .hasMessageContaining("array")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ConfigurationLoader.load(file("null"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> ConfigurationLoader.load(file(""))).hasMessageContaining("JSON object");
    }

    @Test
    void nonStringValuesNameTheKeyAndNotTheValue() throws IOException {
        assertThatThrownBy(() -> ConfigurationLoader.load(file("{\"ok\": \"hunter2\", \"port\": 5432}")))
                .hasMessageContaining("'port'")
                .hasMessageContaining("a number")
                .hasMessageNotContaining("5432")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ConfigurationLoader.load(file("{\"debug\": true}")))
                .hasMessageContaining("'debug'")
                .hasMessageContaining("a boolean")
                .hasMessageContaining("\"debug\": \"true\"");
        assertThatThrownBy(() -> ConfigurationLoader.load(file("{\"o\": {\"p\": \"hunter2\"}}")))
                .hasMessageContaining("'o'")
                .hasMessageContaining("an object")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ConfigurationLoader.load(file("{\"l\": [\"hunter2\"]}")))
                .hasMessageContaining("a list")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ConfigurationLoader.load(file("{\"n\": null}")))
                .hasMessageContaining("'n'")
                .hasMessageContaining("null");
    }

    @Test
    void atMostOneHundredKeys() throws IOException {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 100; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertThat(ConfigurationLoader.load(file(json + "}")).asMap()).hasSize(100);
        Path tooMany = file(json + ",\"k100\":\"v\"}");
        assertThatThrownBy(() -> ConfigurationLoader.load(tooMany))
                .hasMessageContaining(tooMany.toString())
                .hasMessageContaining("101 keys")
                .hasMessageContaining("at most 100");
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < 101; i++) {
            map.put("k" + i, "v");
        }
        assertThatThrownBy(() -> ConfigurationLoader.of(map)).hasMessageContaining("101 keys");
        map.remove("k0");
        assertThat(ConfigurationLoader.of(map).asMap()).hasSize(100);
    }

    @Test
    void duplicateKeysAreRejected() throws IOException {
        Path file = file("{\"a\": \"1\", \"a\": \"hunter2\"}");
        assertThatThrownBy(() -> ConfigurationLoader.load(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'a'")
                .hasMessageNotContaining("hunter2");
    }
}
