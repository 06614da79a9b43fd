package dev.sluice.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The connection's configuration: a flat map of string keys to string values, read from
 * {@code configuration.json}. Immutable and safe to share between threads.
 *
 * <p>Values may be secrets: never log them or put them in state.
 */
public final class Configuration {

    private static final String DEFAULT_SOURCE = "configuration.json";
    private static final Configuration EMPTY = new Configuration(Map.of(), DEFAULT_SOURCE);

    private final Map<String, String> values;
    private final String source;

    private Configuration(Map<String, String> values, String source) {
        this.values = values;
        this.source = source;
    }

    /**
     * @param values the keys and values; neither may be null
     * @return an immutable configuration holding a copy of {@code values}; its error messages say
     *     to fix {@code configuration.json}
     */
    public static Configuration of(Map<String, String> values) {
        return of(values, DEFAULT_SOURCE);
    }

    /**
     * @param values the keys and values; neither may be null
     * @param source where the values come from, as the user knows it (e.g. the path of the file
     *     they were read from): the error messages of {@link #require}, {@link #getInt},
     *     {@link #getLong} and {@link #getBoolean} say to fix it there
     * @return an immutable configuration holding a copy of {@code values}
     */
    public static Configuration of(Map<String, String> values, String source) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(source, "source");
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, "configuration key"),
                Objects.requireNonNull(value, () -> "configuration value of '" + key + "'")));
        return new Configuration(Collections.unmodifiableMap(copy), source);
    }

    /** @return where the values come from, named in error messages ({@code configuration.json} unless told) */
    public String source() {
        return source;
    }

    /** @return a configuration without keys */
    public static Configuration empty() {
        return EMPTY;
    }

    /**
     * @param key the key
     * @return the value, or {@code null} when the key is absent
     */
    public String get(String key) {
        return values.get(key);
    }

    /**
     * @param key the key
     * @param defaultValue returned when the key is absent
     * @return the value, or {@code defaultValue}
     */
    public String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    /**
     * @param key the key
     * @return the value, never blank
     * @throws ConfigurationException naming the key when it is absent or blank
     */
    public String require(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("Configuration key '" + key + "' is "
                    + (value == null ? "missing" : "empty")
                    + ": add it to " + source + ", e.g. {\"" + key + "\": \"...\"}");
        }
        return value;
    }

    /**
     * @param key the key
     * @param defaultValue returned when the key is absent or blank
     * @return the value as an int
     * @throws ConfigurationException naming the key and value when it is not an int
     */
    public int getInt(String key, int defaultValue) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw notA("a whole number (int)", key, value);
        }
    }

    /**
     * @param key the key
     * @param defaultValue returned when the key is absent or blank
     * @return the value as a long
     * @throws ConfigurationException naming the key and value when it is not a long
     */
    public long getLong(String key, long defaultValue) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw notA("a whole number (long)", key, value);
        }
    }

    /**
     * Reads {@code true}/{@code false} (any case), {@code yes}/{@code no} and {@code 1}/{@code 0}.
     *
     * @param key the key
     * @param defaultValue returned when the key is absent or blank
     * @return the value as a boolean
     * @throws ConfigurationException naming the key and value when it is not a boolean
     */
    public boolean getBoolean(String key, boolean defaultValue) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw notA("true or false", key, value);
        };
    }

    /** @return every key and value, unmodifiable, in file order */
    public Map<String, String> asMap() {
        return values;
    }

    private ConfigurationException notA(String expected, String key, String value) {
        return new ConfigurationException(
                "Configuration key '" + key + "' must be " + expected + " but is '" + value + "': fix it in " + source);
    }

    /** Lists the keys only: values may be secrets. */
    @Override
    public String toString() {
        return "Configuration" + values.keySet();
    }
}
