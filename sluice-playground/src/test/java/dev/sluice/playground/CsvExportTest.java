package dev.sluice.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.playground.HttpTestClient.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void exportsEveryUserAsRfc4180Csv() {
        try (Playground playground = Playground.start(PlaygroundOptions.defaults())) {
            HttpTestClient http = new HttpTestClient(playground.baseUrl());
            Response csv = http.get("/export/csv");
            List<JsonNode> users = new ArrayList<>();
            for (int page = 1; page <= 4; page++) {
                http.get("/pagination/page_number?per_page=50&page=" + page)
                        .json()
                        .get("data")
                        .forEach(users::add);
            }

            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            List<List<String>> rows = parse(csv.body());
            assertThat(rows.get(0))
                    .containsExactly("id", "name", "email", "address", "company", "job", "createdAt", "updatedAt");
            assertThat(rows).hasSize(201);
            for (int i = 0; i < users.size(); i++) {
                JsonNode user = users.get(i);
                List<String> expected = new ArrayList<>();
                user.fields()
                        .forEachRemaining(field -> expected.add(field.getValue().asText()));
                assertThat(rows.get(i + 1)).containsExactlyElementsOf(expected);
            }
            assertThat(csv.body()).contains("\"Director, \"\"Special\"\" Projects\"");
        }
    }

    /** A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("a quote inside an unquoted field at " + i).isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
            i++;
        }
        assertThat(quoted).as("unterminated quote").isFalse();
        assertThat(field).as("the last line ends with CRLF").isEmpty();
        return rows;
    }
}
