package dev.sluice.protocol.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes log lines the way Fivetran reads a partner process's output: one JSON object per line,
 * {@code {"level":"INFO","message":"...","message-origin":"sdk_connector"}}, with the level one of
 * {@code INFO}, {@code WARNING}, {@code SEVERE}. Thread-safe: lines never interleave.
 */
public final class JsonLog {

    /** The only levels Fivetran accepts. */
    public enum Level {
        /** Progress. */
        INFO,
        /** Something the user may want to know; the work goes on. */
        WARNING,
        /** A failure. */
        SEVERE
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonLog QUIET = new JsonLog(null);

    private final PrintStream out;

    /** @param out where the lines go */
    public JsonLog(PrintStream out) {
        this.out = out;
    }

    /** @return a log that writes nothing */
    public static JsonLog quiet() {
        return QUIET;
    }

    /**
     * @param level the level
     * @param message the message, never a secret
     */
    public void log(Level level, String message) {
        if (out == null) {
            return;
        }
        String line = line(level, message);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** @param message an INFO message */
    public void info(String message) {
        log(Level.INFO, message);
    }

    /** @param message a WARNING message */
    public void warning(String message) {
        log(Level.WARNING, message);
    }

    /** @param message a SEVERE message */
    public void severe(String message) {
        log(Level.SEVERE, message);
    }

    /**
     * @param level the level
     * @param message the message
     * @return the JSON line, without its line break
     */
    public static String line(Level level, String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("level", level.name());
        fields.put("message", message == null ? "" : message);
        fields.put("message-origin", "sdk_connector");
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
