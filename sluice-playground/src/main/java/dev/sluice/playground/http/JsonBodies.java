package dev.sluice.playground.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the JSON bodies of the playground's requests and responses, with timestamps as
 * ISO-8601 UTC with milliseconds and {@code Z}. Thread-safe.
 */
final class JsonBodies {

    /** Format of every timestamp the playground writes, e.g. {@code 2025-01-01T00:00:00.000Z}. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("playground").addSerializer(Instant.class, new InstantSerializer()));

    private JsonBodies() {}

    /** @return the instant as the playground writes it */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** @return an ordered JSON object of alternating names and values */
    static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    static void respond(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void respond(Context ctx, Object body) {
        respond(ctx, 200, body);
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(timestamp(value));
        }
    }
}
