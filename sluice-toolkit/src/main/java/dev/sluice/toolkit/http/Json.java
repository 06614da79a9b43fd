package dev.sluice.toolkit.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON helpers for connectors: the shared mapper, JSON pointers from field names, and the
 * conversion of records to the rows {@code Operations.upsert} takes. Thread-safe.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** @return the toolkit's mapper: ints read as Long, floats as Double; do not reconfigure it */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param pathOrField a JSON pointer ({@code /meta/total}, {@code ""} for the whole document) or
     *     a top-level field name ({@code total_items})
     * @return the JSON pointer
     */
    public static JsonPointer pointer(String pathOrField) {
        if (pathOrField.isEmpty() || pathOrField.startsWith("/")) {
            return JsonPointer.compile(pathOrField);
        }
        return JsonPointer.compile("/" + pathOrField.replace("~", "~0").replace("/", "~1"));
    }

    /**
     * @param record a JSON object
     * @return its fields as a row: numbers as Long or Double, nested objects and arrays as maps and
     *     lists (stored as JSON columns), nulls kept
     * @throws IllegalArgumentException when {@code record} is not an object
     */
    public static Map<String, Object> toRow(JsonNode record) {
        if (record == null || !record.isObject()) {
            throw new IllegalArgumentException("A record must be a JSON object but is "
                    + (record == null
                            ? "missing"
                            : record.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        Map<String, Object> row = new LinkedHashMap<>(Math.max(16, record.size() * 4 / 3 + 1));
        for (Map.Entry<String, JsonNode> field : record.properties()) {
            row.put(field.getKey(), value(field.getValue()));
        }
        return row;
    }

    /**
     * A JSON value as a Java value: integers as Long (BigDecimal beyond a long), other numbers as
     * Double, objects as maps in field order, arrays as lists.
     */
    private static Object value(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isInt() || node.isLong()) {
            return node.longValue();
        }
        if (node.isBigInteger()) {
            return new BigDecimal(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(field -> map.put(field.getKey(), value(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(value(element)));
            return list;
        }
        return node.asText();
    }

    /**
     * @param records JSON objects
     * @return their rows, in order
     */
    public static List<Map<String, Object>> toRows(Iterable<JsonNode> records) {
        List<Map<String, Object>> rows = new ArrayList<>();
        records.forEach(record -> rows.add(toRow(record)));
        return rows;
    }
}
