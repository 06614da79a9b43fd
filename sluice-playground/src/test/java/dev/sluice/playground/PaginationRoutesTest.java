package dev.sluice.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.playground.HttpTestClient.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaginationRoutesTest {

    static Playground playground;
    static HttpTestClient http;
    static List<String> allIds;

    @BeforeAll
    static void start() {
        playground = Playground.start(PlaygroundOptions.defaults());
        http = new HttpTestClient(playground.baseUrl());
        allIds = playground.snapshot().users().stream()
                .map(dev.sluice.playground.data.User::id)
                .toList();
    }

    @AfterAll
    static void stop() {
        playground.close();
    }

    @Test
    void usersHaveTheDocumentedFieldsAndTimestampFormat() {
        JsonNode user = http.get("/pagination/page_number?per_page=1")
                .json()
                .get("data")
                .get(0);

        assertThat(iterable(user.fieldNames()))
                .containsExactly("id", "name", "email", "address", "company", "job", "createdAt", "updatedAt");
        assertThat(user.get("id").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(user.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(user.get("updatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(allIds).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void nextPageUrlWalksEveryUserOnceInUpdatedOrder() {
        Response first = http.get("/pagination/next_page_url?per_page=7");
        JsonNode body = first.json();
        assertThat(body.get("total_items").asInt()).isEqualTo(200);
        assertThat(body.get("page").asInt()).isEqualTo(1);
        assertThat(body.get("per_page").asInt()).isEqualTo(7);
        assertThat(body.get("next_page_url").asText()).startsWith(playground.baseUrl() + "/pagination/next_page_url?");

        List<String> seen = http.walk(
                "/pagination/next_page_url?per_page=7",
                r -> r.json().get("data"),
                r -> r.json().get("next_page_url").isNull()
                        ? null
                        : r.json().get("next_page_url").asText());

        assertThat(seen).containsExactlyElementsOf(allIds);
    }

    @Test
    void nextPageUrlOrdersByCreatedAtDescending() {
        List<String> seen = new ArrayList<>();
        List<Instant> created = new ArrayList<>();
        String url = "/pagination/next_page_url?order_by=createdAt&order_type=desc&per_page=50";
        while (url != null) {
            JsonNode body = http.get(url).json();
            body.get("data").forEach(user -> {
                seen.add(user.get("id").asText());
                created.add(Instant.parse(user.get("createdAt").asText()));
            });
            url = body.get("next_page_url").isNull()
                    ? null
                    : body.get("next_page_url").asText();
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(allIds);
        assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void pageNumberCountsPagesAndWalksToTheEnd() {
        JsonNode body = http.get("/pagination/page_number?page=2&per_page=30").json();
        assertThat(body.get("page").asInt()).isEqualTo(2);
        assertThat(body.get("page_size").asInt()).isEqualTo(30);
        assertThat(body.get("total_pages").asInt()).isEqualTo(7);
        assertThat(body.get("total_items").asInt()).isEqualTo(200);

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 7; page++) {
            seen.addAll(HttpTestClient.ids(http.get("/pagination/page_number?per_page=30&page=" + page)
                    .json()
                    .get("data")));
        }
        assertThat(seen).containsExactlyElementsOf(allIds);
        assertThat(http.get("/pagination/page_number?per_page=30&page=8").json().get("data"))
                .isEmpty();
    }

    @Test
    void offsetWalksToTheEnd() {
        List<String> seen = new ArrayList<>();
        int offset = 0;
        while (true) {
            JsonNode body =
                    http.get("/pagination/offset?limit=45&offset=" + offset).json();
            assertThat(body.get("offset").asInt()).isEqualTo(offset);
            assertThat(body.get("limit").asInt()).isEqualTo(45);
            assertThat(body.get("total").asInt()).isEqualTo(200);
            if (body.get("data").isEmpty()) {
                break;
            }
            seen.addAll(HttpTestClient.ids(body.get("data")));
            offset += body.get("data").size();
        }
        assertThat(seen).containsExactlyElementsOf(allIds);
    }

    @Test
    void keysetWalksWithOpaqueScrollParam() {
        JsonNode first = http.get("/pagination/keyset?per_page=50").json();
        assertThat(first.get("total_count").asInt()).isEqualTo(200);
        assertThat(first.get("scroll_param").asText()).matches("[A-Za-z0-9_-]+");

        List<String> seen = http.walk(
                "/pagination/keyset?per_page=50",
                r -> r.json().get("data"),
                r -> r.json().get("scroll_param").isNull()
                        ? null
                        : "/pagination/keyset?per_page=50&scroll_param="
                                + r.json().get("scroll_param").asText());

        assertThat(seen).containsExactlyElementsOf(allIds);
    }

    @Test
    void keysetHonoursUpdatedSince() {
        Instant since = playground.snapshot().users().get(150).updatedAt();
        String query = "/pagination/keyset?per_page=20&updated_since=" + since;

        List<String> seen = http.walk(
                query,
                r -> r.json().get("data"),
                r -> r.json().get("scroll_param").isNull()
                        ? null
                        : query + "&scroll_param="
                                + r.json().get("scroll_param").asText());

        assertThat(seen).containsExactlyElementsOf(allIds.subList(150, 200));
        assertThat(http.get(query).json().get("total_count").asInt()).isEqualTo(50);
    }

    @Test
    void cursorWalksToANullCursor() {
        List<String> seen = http.walk(
                "/pagination/cursor?limit=33",
                r -> r.json().get("data"),
                r -> r.json().get("next_cursor").isNull()
                        ? null
                        : "/pagination/cursor?limit=33&cursor="
                                + r.json().get("next_cursor").asText());

        assertThat(seen).containsExactlyElementsOf(allIds);
    }

    @Test
    void aKeysetTokenIsNoCursor() {
        String scroll = http.get("/pagination/keyset?per_page=5")
                .json()
                .get("scroll_param")
                .asText();

        Response response = http.get("/pagination/cursor?cursor=" + scroll);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).contains("'cursor'");
    }

    @Test
    void linkHeaderWalksToTheLastPage() {
        Response first = http.get("/pagination/link?per_page=40");
        assertThat(first.json().isArray()).isTrue();
        assertThat(first.header("Link"))
                .contains("rel=\"next\"", "rel=\"last\"")
                .contains("<" + playground.baseUrl() + "/pagination/link?per_page=40&page=5>; rel=\"last\"");

        List<String> seen = http.walk("/pagination/link?per_page=40", Response::json, r -> nextLink(r.header("Link")));

        assertThat(seen).containsExactlyElementsOf(allIds);
        Response last = http.get("/pagination/link?per_page=40&page=5");
        assertThat(last.header("Link")).doesNotContain("rel=\"next\"").contains("rel=\"last\"");
    }

    @Test
    void updatedSinceAcceptsAnOffsetAndIsInclusive() {
        Instant since = playground.snapshot().users().get(190).updatedAt();
        String withOffset = since.atOffset(java.time.ZoneOffset.ofHours(2)).toString();

        JsonNode body = http.get("/pagination/page_number?per_page=50&updated_since="
                        + URLEncoder.encode(withOffset, StandardCharsets.UTF_8))
                .json();

        assertThat(HttpTestClient.ids(body.get("data"))).containsExactlyElementsOf(allIds.subList(190, 200));
    }

    static String nextLink(String header) {
        Matcher matcher = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(header);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
