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
        JsonNode root = read(file);
        String type = text(file, root, "type", null);
        if (type == null) {
            throw new SyncException(
                    "Destination file " + file + " has no \"type\": set it to \"postgres\" or \"duckdb\"");
        }
        try {
            return switch (type.toLowerCase(Locale.ROOT)) {
                case "postgres", "postgresql" -> postgres(file, root);
                case "duckdb" -> duckDb(file, root, projectDir);
                default ->
                    throw new SyncException("Destination file " + file + ": unknown type \"" + type
                            + "\": use \"postgres\" or \"duckdb\"");
            };
        } catch (IllegalArgumentException e) {
            throw new SyncException("Destination file " + file + ": " + e.getMessage());
        }
    }

    private static DestinationConfig postgres(Path file, JsonNode root) {
        checkKeys(file, root, POSTGRES_KEYS);
        return new DestinationConfig.Postgres(
                required(file, root, "host"),
                port(file, root),
                required(file, root, "database"),
                required(file, root, "user"),
                secret(file, root),
                text(file, root, "schema", DestinationConfig.DEFAULT_SCHEMA));
    }

    private static DestinationConfig duckDb(Path file, JsonNode root, Path projectDir) {
        checkKeys(file, root, DUCKDB_KEYS);
        Path path = Path.of(text(file, root, "path", "files/warehouse.db"));
        return new DestinationConfig.DuckDb(
                projectDir.resolve(path).normalize(), text(file, root, "schema", DestinationConfig.DEFAULT_SCHEMA));
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

    private static void checkKeys(Path file, JsonNode root, Set<String> allowed) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new SyncException("Destination file " + file + ": unknown key" + (unknown.size() > 1 ? "s " : " ")
                    + unknown + " for type \"" + root.get("type").asText() + "\"; the keys are "
                    + allowed.stream().sorted().toList());
        }
    }

    private static String required(Path file, JsonNode root, String key) {
        String value = text(file, root, key, null);
        if (value == null || value.isBlank()) {
            throw new SyncException("Destination file " + file + " has no \"" + key + "\": add it");
        }
        return value;
    }

    private static String text(Path file, JsonNode root, String key, String fallback) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new SyncException("Destination file " + file + ": \"" + key + "\" must be a string");
        }
        return node.asText();
    }

    private static String secret(Path file, JsonNode root) {
        JsonNode node = root.get("password");
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new SyncException(
                    "Destination file " + file + ": \"password\" must be a string (its value is not shown)");
        }
        return node.asText();
    }

    private static int port(Path file, JsonNode root) {
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
        throw new SyncException(
                "Destination file " + file + ": \"port\" must be a number from 1 to 65535, not " + value);
    }
}
