package dev.sluice.toolkit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.toolkit.ToolkitException;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.http.RestClient;
import dev.sluice.toolkit.http.UnexpectedResponseException;
import dev.sluice.toolkit.testing.FakeApi;
import dev.sluice.toolkit.testing.FakeApi.Reply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaginatorTest {

    private static final int TOTAL = 23;

    private final FakeApi api = FakeApi.start();
    private final RestClient client = RestClient.builder(api.url() + "/api").build();

    @AfterEach
    void stop() {
        api.close();
    }

    private static ArrayNode records(int from, int to) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (int id = from; id < Math.min(to, TOTAL); id++) {
            array.addObject().put("id", id + 1).put("name", "item " + (id + 1));
        }
        return array;
    }

    private static List<Long> ids(Iterable<Page> pages) {
        List<Long> ids = new ArrayList<>();
        for (Page page : pages) {
            page.records().forEach(record -> ids.add(record.get("id").asLong()));
        }
        return ids;
    }

    private static List<Long> allIds() {
        return IntStream.rangeClosed(1, TOTAL).mapToObj(Long::valueOf).toList();
    }

    private static int intParam(FakeApi.Request request, String name, int fallback) {
        String value = request.query(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    @Test
    void offsetAndLimitStopAtTheReportedTotal() {
        api.on("/api/items", request -> {
            int offset = intParam(request, "offset", 0);
            int limit = intParam(request, "limit", 10);
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("data", records(offset, offset + limit));
            return Reply.json(body.put("offset", offset)
                    .put("limit", limit)
                    .put("total", TOTAL)
                    .toString());
        });

        Pages pages = Paginator.of(new OffsetPaging("offset", "limit", 10).totalField("total"))
                .records("data")
                .over(client, ApiRequest.get("/items"));

        assertThat(ids(pages)).isEqualTo(allIds());
        assertThat(api.requests())
                .extracting(request -> request.query("offset"))
                .containsExactly("0", "10", "20");
    }

    @Test
    void offsetWithoutTotalStopsOnAnEmptyPage() {
        api.on("/api/items", request -> {
            int offset = intParam(request, "offset", 0);
            return Reply.json(Json.mapper()
                    .createObjectNode()
                    .set("items", records(offset, offset + 10))
                    .toString());
        });

        Paginator paginator =
                Paginator.of(new OffsetPaging("offset", "limit", 10)).records("/items");

        assertThat(paginator
                        .over(client, ApiRequest.get("/items"))
                        .records()
                        .map(r -> r.get("id").asLong())
                        .toList())
                .isEqualTo(allIds());
        assertThat(api.requests()).hasSize(4);
    }

    @Test
    void pageNumbersStopAtTotalPages() {
        api.on("/api/items", request -> {
            int page = intParam(request, "page", 1);
            int size = intParam(request, "page_size", 10);
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("data", records((page - 1) * size, page * size));
            return Reply.json(body.put("page", page)
                    .put("page_size", size)
                    .put("total_pages", (TOTAL + size - 1) / size)
                    .put("total_items", TOTAL)
                    .toString());
        });

        Pages pages = Paginator.of(new PageNumberPaging("page", "page_size", 10).totalPagesField("total_pages"))
                .records("data")
                .over(client, ApiRequest.get("/items"));

        assertThat(ids(pages)).isEqualTo(allIds());
        assertThat(api.requests()).extracting(request -> request.query("page")).containsExactly("1", "2", "3");
    }

    @Test
    void pageNumbersStopAtTotalItemsEvenWhenTheServerCapsThePageSize() {
        api.on("/api/items", request -> {
            int page = intParam(request, "page", 0);
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("data", records(page * 5, page * 5 + 5));
            return Reply.json(body.put("total_items", TOTAL)
                    .put("page", page)
                    .put("per_page", 5)
                    .toString());
        });

        Pages pages = Paginator.of(new PageNumberPaging("page", "per_page", 100)
                        .firstPage(0)
                        .totalItemsField("total_items"))
                .records("data")
                .over(client, ApiRequest.get("/items"));

        assertThat(ids(pages)).isEqualTo(allIds());
        assertThat(api.requests()).hasSize(5);
    }

    @Test
    void cursorsInTheBodyUntilThereIsNone() {
        api.on("/api/items", request -> {
            int from = request.query("cursor") == null
                    ? 0
                    : Integer.parseInt(request.query("cursor").substring(1));
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("data", records(from, from + 10));
            body.put("next_cursor", from + 10 < TOTAL ? "c" + (from + 10) : null);
            return Reply.json(body.toString());
        });

        Pages pages = Paginator.of(new CursorPaging("cursor", "next_cursor"))
                .records("data")
                .over(client, ApiRequest.get("/items").withQuery("limit", 10));

        assertThat(ids(pages)).isEqualTo(allIds());
        assertThat(api.requests())
                .extracting(request -> request.query("cursor"))
                .containsExactly(null, "c10", "c20");
        assertThat(api.requests()).allMatch(request -> "10".equals(request.query("limit")));
    }

    @Test
    void aScrollThatAlwaysSendsATokenStopsOnAnEmptyPage() {
        api.on("/api/items", request -> {
            int from = request.query("scroll_param") == null ? 0 : Integer.parseInt(request.query("scroll_param"));
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("data", records(from, from + 10));
            return Reply.json(body.put("total_count", TOTAL)
                    .put("scroll_param", String.valueOf(from + 10))
                    .toString());
        });

        Pages pages = Paginator.of(new CursorPaging("scroll_param", "scroll_param"))
                .records("data")
                .over(client, ApiRequest.get("/items"));

        assertThat(ids(pages)).isEqualTo(allIds());
        assertThat(api.requests()).hasSize(4);
    }

    @Test
    void hasMoreFalseEndsACursorListing() {
        api.on("/api/items", request -> Reply.json("{\"data\":[{\"id\":1}],\"has_more\":false,\"next\":\"x\"}"));

        Pages pages = Paginator.of(new CursorPaging("after", "next").hasMoreField("has_more"))
                .records("data")
                .over(client, ApiRequest.get("/items"));

        assertThat(ids(pages)).containsExactly(1L);
    }

    @Test
    void nextPageUrlsRelativeOrAbsolute() {
        api.on("/api/items", request -> {
            int page = intParam(request, "page", 1);
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("data", records((page - 1) * 10, page * 10));
            String next = page == 1
                    ? "items?page=2&per_page=10"
                    : page == 2 ? api.url() + "/api/items?page=3&per_page=10" : null;
            return Reply.json(body.put("total_items", TOTAL)
                    .put("page", page)
                    .put("per_page", 10)
                    .put("next_page_url", next)
                    .toString());
        });

        Pages pages = Paginator.of(new NextUrlPaging("next_page_url"))
                .records("data")
                .over(client, ApiRequest.get("/items").withQuery("per_page", 10));

        assertThat(ids(pages)).isEqualTo(allIds());
        assertThat(api.requests()).extracting(request -> request.query("page")).containsExactly(null, "2", "3");
    }

    @Test
    void linkHeadersWithABareArrayBody() {
        api.on("/api/items", request -> {
            int page = intParam(request, "page", 1);
            Reply reply = Reply.json(records((page - 1) * 10, page * 10).toString());
            if (page < 3) {
                reply = reply.withHeader(
                        "Link",
                        "</api/items?page=1>; rel=\"first\", </api/items?page=" + (page + 1)
                                + ">; rel=\"next\"; title=\"next, please\"");
            }
            return reply;
        });

        Pages pages = Paginator.of(new LinkHeaderPaging()).over(client, ApiRequest.get("/items"));

        assertThat(ids(pages)).isEqualTo(allIds());
        assertThat(api.requests()).hasSize(3);
    }

    @Test
    void keysetAsksForRecordsAfterTheLastTimestampAndId() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= TOTAL; i++) {
            rows.add(new String[] {String.valueOf(i), "2024-01-0" + (1 + i / 8) + "T00:00:00Z"});
        }
        api.on("/api/changes", request -> {
            String since = request.query("updated_since");
            long afterId = request.query("after_id") == null ? 0 : Long.parseLong(request.query("after_id"));
            int limit = intParam(request, "limit", 5);
            ArrayNode data = Json.mapper().createArrayNode();
            rows.stream()
                    .filter(row -> since == null
                            || row[1].compareTo(since) > 0
                            || row[1].equals(since) && Long.parseLong(row[0]) > afterId)
                    .limit(limit)
                    .forEach(row ->
                            data.addObject().put("id", Long.parseLong(row[0])).put("updated_at", row[1]));
            return Reply.json(Json.mapper().createObjectNode().set("data", data).toString());
        });

        Pages pages = Paginator.of(
                        new KeysetPaging("updated_since", "updated_at", "after_id", "id").pageSize("limit", 5))
                .records("data")
                .over(client, ApiRequest.get("/changes"));

        assertThat(ids(pages)).isEqualTo(allIds());
        assertThat(api.requests().get(1).query())
                .containsEntry("updated_since", "2024-01-01T00:00:00Z")
                .containsEntry("after_id", "5");
    }

    @Test
    void pagesAreFetchedLazilyOneAtATime() {
        api.on("/api/items", request -> {
            int offset = intParam(request, "offset", 0);
            return Reply.json(Json.mapper()
                    .createObjectNode()
                    .set("data", records(offset, offset + 10))
                    .toString());
        });
        Iterator<Page> pages = Paginator.of(new OffsetPaging("offset", "limit", 10))
                .records("data")
                .over(client, ApiRequest.get("/items"))
                .iterator();

        assertThat(api.requests()).isEmpty();
        Page first = pages.next();
        assertThat(api.requests()).hasSize(1);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.rows().get(0)).isEqualTo(Map.of("id", 1L, "name", "item 1"));
        pages.next();
        assertThat(api.requests()).hasSize(2);
    }

    @Test
    void aRepeatedCursorFailsNamingItAndTheUrl() {
        api.on("/api/items", request -> {
            String cursor = request.query("cursor");
            int from = cursor == null ? 0 : 10;
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("data", records(from, from + 10));
            return Reply.json(body.put("next", "abc").toString());
        });

        Iterator<Page> pages = Paginator.of(new CursorPaging("cursor", "next"))
                .records("data")
                .over(client, ApiRequest.get("/items"))
                .iterator();
        pages.next();
        Page second = pages.next();
        assertThat(second.records()).isNotEmpty();

        assertThatThrownBy(pages::hasNext)
                .isInstanceOf(PaginationException.class)
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("GET " + api.url() + "/api/items")
                .hasMessageContaining("page 2 points back to cursor 'abc'")
                .hasMessageContaining("endless loop");
    }

    @Test
    void aRepeatedNextLinkFails() {
        api.on(
                "/api/items",
                request -> Reply.json("{\"data\":[{\"id\":" + (request.query("p") == null ? 1 : 2)
                        + "}],\"next\":\"/api/items?p=2\"}"));

        assertThatThrownBy(() -> ids(
                        Paginator.of(new NextUrlPaging("next")).records("data").over(client, ApiRequest.get("/items"))))
                .isInstanceOf(PaginationException.class)
                .hasMessageContaining("/api/items?p=2")
                .hasMessageContaining("repeated its cursor or next link");
    }

    @Test
    void aServerThatIgnoresTheOffsetFailsOnTheIdenticalPage() {
        api.on(
                "/api/items",
                request -> Reply.json(Json.mapper()
                        .createObjectNode()
                        .set("data", records(0, 10))
                        .toString()));

        assertThatThrownBy(() -> ids(Paginator.of(new OffsetPaging("offset", "limit", 10))
                        .records("data")
                        .over(client, ApiRequest.get("/items"))))
                .isInstanceOf(PaginationException.class)
                .hasMessageContaining("page 2 (offset 10")
                .hasMessageContaining("holds the same 10 records as page 1");
    }

    @Test
    void maxPagesGuardsAgainstServersThatNeverStop() {
        api.on("/api/items", request -> {
            int page = intParam(request, "page", 1);
            return Reply.json("{\"data\":[{\"id\":" + page + "}]}");
        });

        assertThatThrownBy(() -> ids(Paginator.of(new PageNumberPaging("page", null, 1))
                        .records("data")
                        .maxPages(50)
                        .over(client, ApiRequest.get("/items"))))
                .isInstanceOf(PaginationException.class)
                .hasMessageContaining("went past 50 pages")
                .hasMessageContaining("page 51")
                .hasMessageContaining("raise maxPages");
        assertThat(api.requests()).as("the 51st page shows the listing goes on").hasSize(51);
    }

    @Test
    void aListingOfExactlyMaxPagesEndsNormally() {
        api.on("/api/items", request -> {
            int page = intParam(request, "page", 1);
            return Reply.json(page <= 3 ? "{\"data\":[{\"id\":" + page + "}]}" : "{\"data\":[]}");
        });

        assertThat(ids(Paginator.of(new PageNumberPaging("page", null, 1))
                        .records("data")
                        .maxPages(3)
                        .over(client, ApiRequest.get("/items"))))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aNextLinkThatIsOnlyAQueryKeepsThePath() {
        api.on("/api/v1/items", request -> {
            int page = intParam(request, "page", 1);
            return Reply.json("{\"data\":[{\"id\":" + page + "}],\"next\":"
                    + (page < 3 ? "\"?page=" + (page + 1) + "\"" : "null") + "}");
        });

        assertThat(ids(Paginator.of(new NextUrlPaging("next"))
                        .records("data")
                        .over(client, ApiRequest.get("/v1/items?page=1"))))
                .containsExactly(1L, 2L, 3L);
        assertThat(api.requests()).extracting(FakeApi.Request::path).containsOnly("/api/v1/items");
    }

    @Test
    void aPageWithoutTheRecordsFieldNamesItAndTheUrl() {
        api.on("/api/items", request -> Reply.json("{\"results\":[],\"count\":0}"));

        assertThatThrownBy(() -> ids(Paginator.of(new CursorPaging("c", "next"))
                        .records("data")
                        .over(client, ApiRequest.get("/items").withQuery("q", "x"))))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("GET " + api.url() + "/api/items?q=x answered a page without 'data'")
                .hasMessageContaining("fields [results, count]");
    }

    @Test
    void recordsThatAreNotAnArrayOrABodyThatIsNotJsonAreClearErrors() {
        api.on("/api/object", request -> Reply.json("{\"data\":{\"id\":1}}"));
        api.on(
                "/api/html",
                request -> new Reply(200, Map.of("Content-Type", "text/html; charset=utf-8"), "<h1>Maintenance</h1>"));

        assertThatThrownBy(() -> ids(Paginator.of(new CursorPaging("c", "next"))
                        .records("data")
                        .over(client, ApiRequest.get("/object"))))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("'data' is an object with fields [id], not an array of records");
        assertThatThrownBy(() -> ids(Paginator.of(new LinkHeaderPaging()).over(client, ApiRequest.get("/html"))))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("text/html")
                .hasMessageContaining("<h1>Maintenance</h1>");
    }

    @Test
    void aTotalThatIsNotANumberIsAClearError() {
        api.on("/api/items", request -> Reply.json("{\"data\":[{\"id\":1}],\"total\":\"many\"}"));

        assertThatThrownBy(() -> ids(Paginator.of(new OffsetPaging("offset", "limit", 1).totalField("total"))
                        .records("data")
                        .over(client, ApiRequest.get("/items"))))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("has 'total' = \"many\" where a whole number was expected");
    }

    @Test
    void rowsStreamConvertsRecords() {
        api.on("/api/items", request -> Reply.json("[{\"id\":1,\"price\":2.5,\"tags\":[\"x\"]}]"));

        List<Map<String, Object>> rows = Paginator.of(new LinkHeaderPaging())
                .over(client, ApiRequest.get("/items"))
                .rows()
                .toList();

        assertThat(rows).containsExactly(Map.of("id", 1L, "price", 2.5, "tags", List.of("x")));
    }

    private static String stderrOf(Runnable action) {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void pagesCappedAt(int cap) {
        api.on("/api/items", request -> {
            int page = intParam(request, "page", 1);
            int size = Math.min(intParam(request, "page_size", 10), cap);
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("data", records((page - 1) * size, page * size));
            return Reply.json(body.put("page", page)
                    .put("total_pages", (TOTAL + size - 1) / size)
                    .toString());
        });
    }

    @Test
    void aServerThatCapsThePageSizeIsWarnedAboutOnce() {
        pagesCappedAt(5);
        Pages pages = Paginator.of(new PageNumberPaging("page", "page_size", 100).totalPagesField("total_pages"))
                .records("data")
                .over(client, ApiRequest.get("/items?api_key=s3cret"));

        List<Long> read = new ArrayList<>();
        String log = stderrOf(() -> read.addAll(ids(pages)));

        assertThat(read).isEqualTo(allIds());
        assertThat(log)
                .contains("GET /items: asked for 100 records a page (page_size=100) but the first page held 5 while"
                        + " more remain; the server caps its page size")
                .doesNotContain("s3cret");
        assertThat(log.split("asked for 100 records a page", -1)).hasSize(2);
    }

    @Test
    void aServerThatSendsTheSizeAskedForIsNotWarnedAbout() {
        pagesCappedAt(100);
        Pages pages = Paginator.of(new PageNumberPaging("page", "page_size", 5).totalPagesField("total_pages"))
                .records("data")
                .over(client, ApiRequest.get("/items"));

        List<Long> read = new ArrayList<>();
        String log = stderrOf(() -> read.addAll(ids(pages)));

        assertThat(read).isEqualTo(allIds());
        assertThat(log).doesNotContain("records a page");
    }
}
