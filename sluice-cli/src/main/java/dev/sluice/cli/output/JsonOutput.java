package dev.sluice.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.engine.warehouse.WarehouseReader.QueryResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a result set as one JSON array of objects, one per row, keys in column order: numbers and
 * booleans as JSON numbers and booleans, NULL as {@code null}, binary values in Base64, everything
 * else (dates, timestamps, decimals' exotic kin) as the string the table view shows. Strings are
 * never cut; line breaks in them are kept as {@code \n}.
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {}

    static void print(QueryResult result, PrintWriter out) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : result.rows()) {
            Map<String, Object> json = new LinkedHashMap<>();
            row.forEach((column, value) -> json.put(column, value(value)));
            rows.add(json);
        }
        try {
            out.println(MAPPER.writeValueAsString(rows));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private static Object value(Object value) {
        if (value == null
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof String
                || value instanceof byte[]) {
            return value;
        }
        return value.toString();
    }
}
