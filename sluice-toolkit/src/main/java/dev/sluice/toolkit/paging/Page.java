package dev.sluice.toolkit.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.ApiResponse;
import dev.sluice.toolkit.http.Json;
import java.util.List;
import java.util.Map;

/**
 * One page of a paginated listing: the request that fetched it, the response and its records.
 *
 * @param number 1 for the first page of the listing
 * @param recordsBefore how many records the earlier pages of the listing held
 * @param request the request that fetched this page, before authentication
 * @param response the response
 * @param records the page's records, in order, unmodifiable
 */
public record Page(int number, long recordsBefore, ApiRequest request, ApiResponse response, List<JsonNode> records) {

    /**
     * Copies the records.
     *
     * @param number 1 for the first page of the listing
     * @param recordsBefore how many records the earlier pages of the listing held
     * @param request the request that fetched this page, before authentication
     * @param response the response
     * @param records the page's records, in order, unmodifiable
     */
    public Page {
        records = List.copyOf(records);
    }

    /** @return the response body as JSON */
    public JsonNode body() {
        return response.json();
    }

    /** @return the records as rows for {@code Operations.upsert}, see {@link Json#toRow} */
    public List<Map<String, Object>> rows() {
        return Json.toRows(records);
    }

    /** @return whether the page holds no record */
    public boolean isEmpty() {
        return records.isEmpty();
    }

    @Override
    public String toString() {
        return "Page " + number + " of " + response.safeUrl() + " (" + records.size() + " records)";
    }
}
