package dev.sluice.toolkit.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.ApiResponse;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.http.RestClient;
import dev.sluice.toolkit.http.UnexpectedResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a paginated listing lazily, one page in memory at a time: a {@link PageStrategy} (how to
 * move on), where the records are in each page and an optional cap on pages. Immutable and
 * thread-safe; each {@link #over} starts a new listing.
 *
 * <pre>{@code
 * Paginator orders = Paginator.of(new CursorPaging("cursor", "next_cursor")).records("data");
 * for (Page page : orders.over(client, ApiRequest.get("/orders").withQuery("limit", 100))) {
 *     page.rows().forEach(row -> operations.upsert("orders", row));
 *     operations.checkpoint(state);
 * }
 * }</pre>
 *
 * <p>A listing stops after an empty page, when the strategy finds no next page (no next link or
 * token, the reported total reached), or fails with {@link PaginationException} when the server
 * repeats a token, a next link or a whole page, or when more than {@link #maxPages(int)} pages come.
 * A page whose records are not where expected fails with {@link UnexpectedResponseException}.
 */
public final class Paginator {

    private final PageStrategy strategy;
    private final String recordsField;
    private final int maxPages;

    private Paginator(PageStrategy strategy, String recordsField, int maxPages) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.recordsField = Objects.requireNonNull(recordsField, "recordsField");
        this.maxPages = maxPages;
    }

    /**
     * @param strategy how the listing moves from page to page
     * @return a paginator reading records from a body that is a JSON array, without a page cap
     */
    public static Paginator of(PageStrategy strategy) {
        return new Paginator(strategy, "", 0);
    }

    /**
     * @param field the records array's field name or JSON pointer ({@code data}, {@code /result/items});
     *     {@code ""} when the body itself is the array
     * @return a copy reading records there
     */
    public Paginator records(String field) {
        return new Paginator(strategy, field, maxPages);
    }

    /**
     * @param max the most pages one listing may have; more fails with {@link PaginationException}.
     *     0 for no cap
     * @return a copy with that cap
     */
    public Paginator maxPages(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxPages must not be negative but is " + max);
        }
        return new Paginator(strategy, recordsField, max);
    }

    /** @return the strategy */
    public PageStrategy strategy() {
        return strategy;
    }

    /**
     * @param client the client that sends the requests
     * @param request the listing's request (path, filters, page size...)
     * @return the listing's pages, fetched as they are iterated; each iteration starts over
     */
    public Pages over(RestClient client, ApiRequest request) {
        return new Pages(this, client, request);
    }

    int maxPagesValue() {
        return maxPages;
    }

    List<JsonNode> extractRecords(ApiResponse response) {
        JsonNode body = response.json();
        JsonNode records = body.at(Json.pointer(recordsField));
        if (records.isMissingNode()) {
            throw new UnexpectedResponseException(where(response) + " answered a page without '" + recordsField
                    + "': expected an array of records there (the body is " + shape(body)
                    + "). Configure the records field of the paginator");
        }
        if (records.isNull()) {
            return List.of();
        }
        if (!records.isArray()) {
            throw new UnexpectedResponseException(where(response) + " answered a page whose "
                    + (recordsField.isEmpty() ? "body" : "'" + recordsField + "'") + " is " + shape(records)
                    + ", not an array of records. Configure the records field of the paginator");
        }
        List<JsonNode> list = new ArrayList<>(records.size());
        records.forEach(list::add);
        return list;
    }

    private static String where(ApiResponse response) {
        return response.request().method() + " " + response.safeUrl();
    }

    private static String shape(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return "an object with fields " + names;
        }
        return "a " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
