package dev.sluice.engine.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Reads and writes {@code files/state.json}. Writes are atomic: the JSON goes to a temporary file
 * that is forced to disk and then renamed over the old one, so a crash leaves either the old or
 * the new state, never half of one.
 */
public final class StateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // keep 2.50 as 2.50 (and 100.0 from becoming 1E+2) from one checkpoint to the next
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private StateJson() {}

    /**
     * @param file the state file
     * @return its JSON text, or null when the file does not exist
     */
    public static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new SyncException("Cannot read state file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param json state JSON text
     * @param source where it came from, for messages
     * @return the state
     * @throws SyncException naming the source when the text is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static State parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SyncException("State file " + source + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage()
                    + ". Fix it, or run `sluice reset` to start over from an empty state");
        }
        if (root == null || !root.isObject()) {
            throw new SyncException("State file " + source + " must hold a JSON object, e.g. {\"cursor\": \"...\"}."
                    + " Fix it, or run `sluice reset` to start over from an empty state");
        }
        return State.of(MAPPER.convertValue(root, Map.class));
    }

    /**
     * @param state a state
     * @return its compact JSON text
     * @throws SyncException naming the key when a value cannot be written as JSON
     */
    public static String toJson(State state) {
        try {
            return MAPPER.writeValueAsString(state.asMap());
        } catch (JsonProcessingException e) {
            throw new SyncException("State cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Replaces the file's content atomically and durably.
     *
     * @param file the state file
     * @param json the new content
     */
    public static void write(Path file, String json) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            } catch (IOException ignored) {
                // not every file system lets a directory be forced; the rename is atomic regardless
            }
        } catch (IOException e) {
            throw new SyncException("Cannot write state file " + file + ": " + e.getMessage(), e);
        }
    }
}
