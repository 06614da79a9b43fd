package dev.sluice.server.internal.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads request bodies and writes responses as JSON. Thread-safe. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {}

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

    /**
     * @param ctx the request
     * @return its body, a JSON object
     * @throws ApiError 400 when the body is empty, not JSON or not an object; the text is never echoed
     *     (it may hold a password)
     */
    static ObjectNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiError.badRequest(null, "the request has no body: send a JSON object");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw ApiError.badRequest(
                    null,
                    "the request body is not valid JSON"
                            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest(null, "the request body must be a JSON object");
        }
        return (ObjectNode) root;
    }

    /**
     * @param body a request body
     * @param allowed the fields it may have
     * @throws ApiError 400 naming the first field not allowed
     */
    static void onlyFields(ObjectNode body, Set<String> allowed) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiError.badRequest(
                        name,
                        "unknown field \"" + name + "\"; the fields are "
                                + allowed.stream().sorted().toList());
            }
        }
    }

    /**
     * @param body a request body
     * @param field a field it must have
     * @return the field's text
     * @throws ApiError 400 naming the field when it is missing, not a string or blank
     */
    static String requiredText(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiError.badRequest(field, "\"" + field + "\" is missing: add it");
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest(field, "\"" + field + "\" must be a string");
        }
        if (node.asText().isBlank()) {
            throw ApiError.badRequest(field, "\"" + field + "\" must not be empty");
        }
        return node.asText();
    }
}
