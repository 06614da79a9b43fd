package dev.sluice.protocol.serve;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An output stream that turns every line written to it into a {@link JsonLog} line: install it as
 * {@code System.out} in a serving process so that SLF4J lines and a connector's own prints all
 * reach Fivetran as JSON. A line that starts like an SLF4J simple-logger line ({@code [time] LEVEL
 * logger - message}) keeps its level (WARN becomes WARNING, ERROR becomes SEVERE, others INFO) and
 * its message; other lines are INFO, or the level of the line before (a stack trace stays SEVERE).
 * Thread-safe.
 */
public final class JsonLinesOutput extends OutputStream {

    /** The first line of a printed stack trace, e.g. {@code java.lang.IllegalStateException: boom}. */
    private static final Pattern STACK_TRACE_HEADER = Pattern.compile("[\\w$.]+(Exception|Error|Throwable)\\b");

    private static final Pattern SIMPLE_LOGGER = Pattern.compile(
            "^(?:\\d{2}:\\d{2}:\\d{2}\\.\\d{3} )?(?:\\[[^]]*] )?(TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - (.*)$");

    private final JsonLog log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private JsonLog.Level previous = JsonLog.Level.INFO;

    /** @param log where the JSON lines go */
    public JsonLinesOutput(JsonLog log) {
        this.log = log;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() {
        // lines are written whole; a partial line waits for its end
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isBlank()) {
            return;
        }
        Matcher matcher = SIMPLE_LOGGER.matcher(text);
        JsonLog.Level level;
        String message;
        if (matcher.matches()) {
            level = switch (matcher.group(1)) {
                case "WARN" -> JsonLog.Level.WARNING;
                case "ERROR" -> JsonLog.Level.SEVERE;
                default -> JsonLog.Level.INFO;
            };
            message = matcher.group(3);
        } else {
            level = Character.isWhitespace(text.charAt(0))
                            || text.startsWith("Caused by")
                            || text.startsWith("Suppressed:")
                            || (previous != JsonLog.Level.INFO
                                    && STACK_TRACE_HEADER.matcher(text).lookingAt())
                    ? previous
                    : JsonLog.Level.INFO;
            message = text;
        }
        previous = level;
        log.log(level, message);
    }
}
