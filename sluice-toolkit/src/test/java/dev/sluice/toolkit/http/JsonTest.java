package dev.sluice.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static final String RECORD = """
            {"id": 7, "big": 12345678901, "price": 9.5, "rate": 1e-3,
             "name": "Zoë \\"Z\\"", "active": true, "gone": false, "note": null,
             "address": {"city": "Oslo", "zip": 150, "geo": [59.9, 10.7]}, "tags": ["a", 2, null, {"k": 3}],
             "empty": {}, "none": []}
            """;

    @Test
    void aRecordBecomesARowOfJavaValues() throws Exception {
        Map<String, Object> row = Json.toRow(Json.mapper().readTree(RECORD));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", 7L);
        expected.put("big", 12345678901L);
        expected.put("price", 9.5);
        expected.put("rate", 0.001);
        expected.put("name", "Zoë \"Z\"");
        expected.put("active", true);
        expected.put("gone", false);
        expected.put("note", null);
        expected.put("address", Map.of("city", "Oslo", "zip", 150L, "geo", List.of(59.9, 10.7)));
        expected.put("tags", Arrays.asList("a", 2L, null, Map.of("k", 3L)));
        expected.put("empty", Map.of());
        expected.put("none", List.of());
        assertThat(row).isEqualTo(expected);
        assertThat(List.copyOf(row.keySet())).isEqualTo(List.copyOf(expected.keySet()));
    }

    @Test
    void theRowIsWhatTheMapperWouldConvertTheRecordTo() throws Exception {
        JsonNode record = Json.mapper().readTree(RECORD);

        ObjectMapper longInts = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
        Map<String, Object> converted = longInts.convertValue(record, new TypeReference<Map<String, Object>>() {});

        assertThat(Json.toRow(record)).isEqualTo(converted);
        assertThat(List.copyOf(Json.toRow(record).keySet())).isEqualTo(List.copyOf(converted.keySet()));
    }

    @Test
    void integersBeyondALongBecomeDecimalsAtAnyDepth() throws Exception {
        Map<String, Object> row = Json.toRow(Json.mapper()
                .readTree("{\"n\": 123456789012345678901234567890, \"nested\": {\"m\": [99999999999999999999]}}"));

        assertThat(row.get("n")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(row.get("nested")).isEqualTo(Map.of("m", List.of(new BigDecimal("99999999999999999999"))));
    }

    @Test
    void onlyObjectsAreRecords() throws Exception {
        assertThatThrownBy(() -> Json.toRow(Json.mapper().readTree("[1]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a JSON object but is array");
        assertThatThrownBy(() -> Json.toRow(null)).hasMessageContaining("missing");
    }
}
