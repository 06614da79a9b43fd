package dev.sluice.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline of {@code sluice bench-http}: the users of a playground listing synced by hand, as a
 * connector written without the toolkit would: {@link HttpClient} and Jackson, each record's fields
 * copied into a map, the last record's {@code (updatedAt, id)} checkpointed after every
 * {@code checkpointEvery} pages and after the last.
 */
final class BareUsersConnector implements Connector {

    static final String TABLE = "users";
    static final String CURSOR_KEY = "users_cursor";
    static final String START = "1970-01-01T00:00:00Z";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;
    private final PlaygroundListing listing;
    private final int perPage;
    private final int checkpointEvery;
    private final Tally tally;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    BareUsersConnector(String baseUrl, PlaygroundListing listing, int perPage, int checkpointEvery, Tally tally) {
        this.baseUrl = baseUrl;
        this.listing = listing;
        this.perPage = perPage;
        this.checkpointEvery = checkpointEvery;
        this.tally = tally;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE).primaryKey("id").build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        String first = baseUrl + listing.path() + "?" + listing.sizeParameter() + "=" + perPage + "&updated_since="
                + URLEncoder.encode(START, StandardCharsets.UTF_8);
        String url = first;
        int pageNumber = 0;
        long records = 0;
        while (url != null) {
            byte[] body = get(url);
            JsonNode page = read(body, url);
            JsonNode data = page.get("data");
            if (data == null || data.isEmpty()) {
                break;
            }
            pageNumber++;
            tally.page(body.length);
            String updatedAt = null;
            String id = null;
            for (JsonNode user : data) {
                operations.upsert(TABLE, toRow(user));
                tally.row();
                updatedAt = user.get("updatedAt").asText();
                id = user.get("id").asText();
            }
            records += data.size();
            state.put(CURSOR_KEY, Map.of("timestamp", updatedAt, "ids", List.of(id)));
            String next = listing.nextParameters(page, perPage, pageNumber, records);
            url = next == null ? null : first + next;
            if (url == null || pageNumber % checkpointEvery == 0) {
                operations.checkpoint(state);
            }
        }
    }

    private byte[] get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SyncException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("Interrupted during GET " + url, e);
        }
        if (response.statusCode() != 200) {
            throw new SyncException("GET " + url + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static JsonNode read(byte[] body, String url) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new SyncException("GET " + url + " did not answer JSON: " + e.getMessage(), e);
        }
    }

    /** Copies an object's fields: text as String, integers as Long, other numbers as Double, the rest as Jackson maps it. */
    static Map<String, Object> toRow(JsonNode record) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : record.properties()) {
            JsonNode value = field.getValue();
            Object converted;
            if (value.isTextual()) {
                converted = value.textValue();
            } else if (value.isNull()) {
                converted = null;
            } else if (value.isIntegralNumber()) {
                converted = value.longValue();
            } else if (value.isNumber()) {
                converted = value.doubleValue();
            } else if (value.isBoolean()) {
                converted = value.booleanValue();
            } else {
                converted = MAPPER.convertValue(value, Object.class);
            }
            row.put(field.getKey(), converted);
        }
        return row;
    }
}
