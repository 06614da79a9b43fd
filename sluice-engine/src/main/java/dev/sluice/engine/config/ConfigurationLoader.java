package dev.sluice.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code configuration.json}: a flat JSON object of at most {@value #MAX_KEYS} keys whose
 * values are all strings. Every rule broken gets a message naming the file and the key, and the
 * configuration's own messages (a required key missing, a value of the wrong kind) name the file too.
 */
public final class ConfigurationLoader {

    /** Most keys a configuration may hold, as in Fivetran. */
    public static final int MAX_KEYS = 100;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ConfigurationLoader() {}

    /**
     * @param file the configuration file
     * @return the configuration
     * @throws SyncException naming the file (and key) when it is missing, not JSON, not an object,
     *     has a non-string value or too many keys
     */
    public static Configuration load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SyncException("Configuration file " + file + " not found: create it with the connector's"
                    + " settings as a JSON object of strings ({} if it needs none)"
                    + (file.getFileName().toString().equals("configuration.json")
                            ? ", or pass --configuration <file>"
                            : ""));
        } catch (IOException e) {
            throw new SyncException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String original = String.valueOf(e.getOriginalMessage());
            if (original.startsWith("Duplicate field")) {
                // names only the key, never a value
                throw new SyncException("Configuration file " + file + ": " + original + ": each key may appear once");
            }
            throw new SyncException("Configuration file " + file + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ". It must be a JSON object of strings, e.g. {\"api_key\": \"...\"}; check quotes and commas"
                    + " there (the text is not shown: it may hold secrets)");
        }
        if (root == null || !root.isObject()) {
            throw new SyncException("Configuration file " + file + " must hold a JSON object of strings,"
                    + " e.g. {\"api_key\": \"...\"}, but holds "
                    + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        if (root.size() > MAX_KEYS) {
            throw new SyncException("Configuration file " + file + " has " + root.size() + " keys; at most " + MAX_KEYS
                    + " are allowed: keep only connection settings and secrets there");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw new SyncException("Configuration file " + file + ": the value of '" + field.getKey()
                        + "' is " + describe(field.getValue()) + ", but every value must be a string: write it in"
                        + " quotes, e.g. \"" + field.getKey() + "\": \"" + hint(field.getValue()) + "\"");
            }
            values.put(field.getKey(), field.getValue().textValue());
        }
        return Configuration.of(values, display(file));
    }

    /** @return the file as the user would name it: relative to the current folder when inside it */
    private static String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return absolute.startsWith(cwd) && !absolute.equals(cwd)
                ? cwd.relativize(absolute).toString()
                : absolute.toString();
    }

    /**
     * Checks a configuration given in code by the same rules as a file.
     *
     * @param values the configuration
     * @return the configuration
     */
    public static Configuration of(Map<String, String> values) {
        if (values.size() > MAX_KEYS) {
            throw new SyncException(
                    "The configuration has " + values.size() + " keys; at most " + MAX_KEYS + " are allowed");
        }
        return Configuration.of(values, "the configuration given in code");
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String hint(JsonNode node) {
        return node.isBoolean() ? node.asText() : "...";
    }
}
