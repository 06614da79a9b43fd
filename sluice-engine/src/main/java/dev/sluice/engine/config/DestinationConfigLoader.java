package dev.sluice.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.sdk.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a destination file ({@code destination.json}), a JSON object:
 *
 * <pre>{@code
 * {"type": "postgres", "host": "db.internal", "port": 5432, "database": "analytics",
 *  "user": "sluice", "password": "...", "schema": "tester"}
 * {"type": "duckdb", "path": "files/warehouse.db", "schema": "tester"}
 * }</pre>
 *
 * {@code port} (5432), {@code schema} ({@value DestinationConfig#DEFAULT_SCHEMA}) and a DuckDB
 * {@code path} ({@code files/warehouse.db}) may be left out; a relative path is relative to the
 * project. Every rule broken gets a message naming the file and the key; the password's value is
 * never shown.
 */
public final class DestinationConfigLoader {

    /** The file a project's destination is read from when present. */
    public static final String FILE_NAME = "destination.json";

    private static final Set<String> POSTGRES_KEYS =
            Set.of("type", "host", "port", "database", "user", "password", "schema");
    private static final Set<String> DUCKDB_KEYS = Set.of("type", "path", "schema");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private DestinationConfigLoader() {}

    /**
     * @param file the destination file
     * @param projectDir the folder a relative DuckDB path is resolved against
     * @return the destination
     * @throws SyncException naming the file (and key) when it is missing, not JSON, of an unknown type,
     *     or lacks or misspells a key
     */
    public static DestinationConfig load(Path file, Path projectDir) {
        return parse(read(file), "Destination file " + file, projectDir);
    }

    /**
     * Reads a destination from JSON already parsed, by the rules of a destination file, e.g. the
     * body of a server request.
     *
     * @param root the JSON object, with the keys of a destination file
     * @param subject what the JSON is, at the start of every message, e.g. {@code Destination "analytics"}
     * @param baseDir the folder a relative DuckDB path is resolved against
     * @return the destination
     * @throws SyncException starting with {@code subject} and naming the key when the JSON is not an
     *     object, is of an unknown type, or lacks or misspells a key; the password's value is never shown
     */
    public static DestinationConfig parse(JsonNode root, String subject, Path baseDir) {
        if (root == null || !root.isObject()) {
            throw new SyncException(
                    subject + " must be a JSON object, e.g. {\"type\": \"postgres\","
                            + " \"host\": \"localhost\", \"database\": \"analytics\", \"user\": \"sluice\", \"password\": \"...\"}");
        }
        String type = text(subject, root, "type", null);
        if (type == null) {
            throw new SyncException(subject + " has no \"type\": set it to \"postgres\" or \"duckdb\"");
        }
        try {
            return switch (type.toLowerCase(Locale.ROOT)) {
                case "postgres", "postgresql" -> postgres(subject, root);
                case "duckdb" -> duckDb(subject, root, baseDir);
                default ->
                    throw new SyncException(
                            subject + ": unknown type \"" + type + "\": use \"postgres\" or \"duckdb\"");
            };
        } catch (IllegalArgumentException e) {
            throw new SyncException(subject + ": " + e.getMessage());
        }
    }

    private static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SyncException("Destination file " + file + " not found: check the path, or leave out"
                    + " --destination to sync into the project's DuckDB file");
        } catch (IOException e) {
            throw new SyncException("Cannot read destination file " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SyncException("Destination file " + file + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": check quotes and commas there (the text is not shown: it may hold a password)");
        }
        if (root == null || !root.isObject()) {
            throw new SyncException(
                    "Destination file " + file + " must hold a JSON object, e.g. {\"type\": \"postgres\","
                            + " \"host\": \"localhost\", \"database\": \"analytics\", \"user\": \"sluice\", \"password\": \"...\"}");
        }
        return root;
    }

    private static DestinationConfig postgres(String subject, JsonNode root) {
        checkKeys(subject, root, POSTGRES_KEYS);
        return new DestinationConfig.Postgres(
                required(subject, root, "host"),
                port(subject, root),
                required(subject, root, "database"),
                required(subject, root, "user"),
                secret(subject, root),
                text(subject, root, "schema", DestinationConfig.DEFAULT_SCHEMA));
    }

    private static DestinationConfig duckDb(String subject, JsonNode root, Path baseDir) {
        checkKeys(subject, root, DUCKDB_KEYS);
        Path path = Path.of(text(subject, root, "path", "files/warehouse.db"));
        return new DestinationConfig.DuckDb(
                baseDir.resolve(path).normalize(), text(subject, root, "schema", DestinationConfig.DEFAULT_SCHEMA));
    }

    private static void checkKeys(String subject, JsonNode root, Set<String> allowed) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new SyncException(subject + ": unknown key" + (unknown.size() > 1 ? "s " : " ")
                    + unknown + " for type \"" + root.get("type").asText() + "\"; the keys are "
                    + allowed.stream().sorted().toList());
        }
    }

    private static String required(String subject, JsonNode root, String key) {
        String value = text(subject, root, key, null);
        if (value == null || value.isBlank()) {
            throw new SyncException(subject + " has no \"" + key + "\": add it");
        }
        return value;
    }

    private static String text(String subject, JsonNode root, String key, String fallback) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new SyncException(subject + ": \"" + key + "\" must be a string");
        }
        return node.asText();
    }

    private static String secret(String subject, JsonNode root) {
        JsonNode node = root.get("password");
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new SyncException(subject + ": \"password\" must be a string (its value is not shown)");
        }
        return node.asText();
    }

    private static int port(String subject, JsonNode root) {
        JsonNode node = root.get("port");
        if (node == null || node.isNull()) {
            return DestinationConfig.Postgres.DEFAULT_PORT;
        }
        String value = node.asText();
        try {
            int port = node.isInt() ? node.intValue() : Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SyncException(subject + ": \"port\" must be a number from 1 to 65535, not " + value);
    }
}
