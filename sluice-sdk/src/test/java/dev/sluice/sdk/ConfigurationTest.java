package dev.sluice.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    private static final String SECRET = "s3cr3t-token";

    @Test
    void getReturnsTheValueOrNullOrTheDefault() {
        Configuration configuration = Configuration.of(Map.of("host", "example.com", "blank", " "));

        assertThat(configuration.get("host")).isEqualTo("example.com");
        assertThat(configuration.get("missing")).isNull();
        assertThat(configuration.get("missing", "fallback")).isEqualTo("fallback");
        assertThat(configuration.get("host", "fallback")).isEqualTo("example.com");
        assertThat(configuration.get("blank", "fallback"))
                .as("a present blank value is returned as is")
                .isEqualTo(" ");
    }

    @Test
    void requireReturnsAPresentValue() {
        assertThat(Configuration.of(Map.of("api_key", SECRET)).require("api_key"))
                .isEqualTo(SECRET);
    }

    @Test
    void messagesNameTheSourceTheConfigurationWasGiven() {
        Configuration configuration = Configuration.of(Map.of("port", "x"), "conf/staging.json");

        assertThat(configuration.source()).isEqualTo("conf/staging.json");
        assertThatThrownBy(() -> configuration.require("host"))
                .hasMessage(
                        "Configuration key 'host' is missing: add it to conf/staging.json, e.g. {\"host\": \"...\"}");
        assertThatThrownBy(() -> configuration.getLong("port", 1)).hasMessageEndingWith("fix it in conf/staging.json");
        assertThat(Configuration.of(Map.of()).source()).isEqualTo("configuration.json");
    }

    @Test
    void requireOfAMissingKeyNamesTheKey() {
        Configuration configuration = Configuration.of(Map.of("api_key", SECRET));

        assertThatThrownBy(() -> configuration.require("host"))
                .isInstanceOf(ConfigurationException.class)
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("'host'")
                .hasMessageContaining("missing")
                .hasMessageContaining("configuration.json")
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void requireOfABlankValueNamesTheKeyButNeverTheValue() {
        String blankSecret = " \t ";
        Configuration configuration = Configuration.of(Map.of("api_key", blankSecret, "other", SECRET));

        assertThatThrownBy(() -> configuration.require("api_key"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'api_key'")
                .hasMessageContaining("empty")
                .message()
                .doesNotContain(blankSecret)
                .doesNotContain(SECRET);
    }

    @Test
    void getIntReadsTrimmedWholeNumbersWithADefault() {
        Configuration configuration = Configuration.of(Map.of("port", " 5432 ", "negative", "-7", "blank", ""));

        assertThat(configuration.getInt("port", 1)).isEqualTo(5432);
        assertThat(configuration.getInt("negative", 1)).isEqualTo(-7);
        assertThat(configuration.getInt("missing", 42)).isEqualTo(42);
        assertThat(configuration.getInt("blank", 42)).isEqualTo(42);
    }

    @Test
    void getIntRejectsWhatIsNotAnIntNamingKeyAndValue() {
        Configuration configuration = Configuration.of(Map.of("port", "http", "big", "3000000000", "decimal", "1.5"));

        assertThatThrownBy(() -> configuration.getInt("port", 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'port'")
                .hasMessageContaining("'http'")
                .hasMessageContaining("int");
        assertThatThrownBy(() -> configuration.getInt("big", 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'big'");
        assertThatThrownBy(() -> configuration.getInt("decimal", 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'decimal'");
    }

    @Test
    void getLongReadsLongsWithADefault() {
        Configuration configuration = Configuration.of(Map.of("since", "3000000000", "bad", "soon"));

        assertThat(configuration.getLong("since", 0)).isEqualTo(3_000_000_000L);
        assertThat(configuration.getLong("missing", 9L)).isEqualTo(9L);
        assertThatThrownBy(() -> configuration.getLong("bad", 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'bad'")
                .hasMessageContaining("'soon'")
                .hasMessageContaining("long");
    }

    @Test
    void getBooleanReadsTrueFalseYesNoOneZeroInAnyCase() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("a", "true");
        values.put("b", "TRUE");
        values.put("c", " Yes ");
        values.put("d", "1");
        values.put("e", "false");
        values.put("f", "No");
        values.put("g", "0");
        values.put("blank", "  ");
        values.put("bad", "maybe");
        Configuration configuration = Configuration.of(values);

        assertThat(configuration.getBoolean("a", false)).isTrue();
        assertThat(configuration.getBoolean("b", false)).isTrue();
        assertThat(configuration.getBoolean("c", false)).isTrue();
        assertThat(configuration.getBoolean("d", false)).isTrue();
        assertThat(configuration.getBoolean("e", true)).isFalse();
        assertThat(configuration.getBoolean("f", true)).isFalse();
        assertThat(configuration.getBoolean("g", true)).isFalse();
        assertThat(configuration.getBoolean("missing", true)).isTrue();
        assertThat(configuration.getBoolean("blank", true)).isTrue();
        assertThatThrownBy(() -> configuration.getBoolean("bad", false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'bad'")
                .hasMessageContaining("'maybe'")
                .hasMessageContaining("true or false");
    }

    @Test
    void isAnImmutableCopyInFileOrder() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("z", "1");
        source.put("a", "2");
        source.put("m", "3");
        Configuration configuration = Configuration.of(source);

        source.put("z", "changed");
        source.put("new", "x");

        assertThat(configuration.get("z")).isEqualTo("1");
        assertThat(configuration.get("new")).isNull();
        assertThat(configuration.asMap().keySet()).containsExactly("z", "a", "m");
        assertThatThrownBy(() -> configuration.asMap().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> configuration.asMap().remove("z")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullKeysAndValuesAreRejected() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("token", null);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "x");

        assertThatThrownBy(() -> Configuration.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Configuration.of(nullValue))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("'token'");
        assertThatThrownBy(() -> Configuration.of(nullKey)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void emptyHasNoKeys() {
        assertThat(Configuration.empty().asMap()).isEmpty();
        assertThat(Configuration.empty().get("x")).isNull();
        assertThat(Configuration.empty()).isSameAs(Configuration.empty());
    }

    @Test
    void toStringListsKeysButNeverValues() {
        Configuration configuration = Configuration.of(Map.of("api_key", SECRET, "host", "db.internal"));

        assertThat(configuration.toString())
                .contains("api_key", "host")
                .doesNotContain(SECRET)
                .doesNotContain("db.internal");
    }
}
