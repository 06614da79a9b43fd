package dev.sluice.toolkit.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.http.UnexpectedResponseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keyset pagination on (updated timestamp, id): the server sorts by both and the next request asks
 * for the records after the last one's pair, e.g. {@code ?updated_since=2024-01-02T00:00:00Z&after_id=42}.
 * No record is skipped or repeated even when many share a timestamp. Stops on an empty page or,
 * when a page size is set, on a page shorter than it. The first request is the connector's (with
 * its own {@code updated_since} from a cursor). Immutable.
 */
public final class KeysetPaging implements PageStrategy {

    private final String sinceParameter;
    private final String updatedField;
    private final String afterIdParameter;
    private final String idField;
    private final String limitParameter;
    private final int limit;

    /**
     * @param sinceParameter the query parameter of the timestamp, e.g. {@code updated_since}
     * @param updatedField the record's timestamp field or JSON pointer, e.g. {@code updated_at}
     * @param afterIdParameter the query parameter of the tiebreaker, e.g. {@code after_id}
     * @param idField the record's id field or JSON pointer, e.g. {@code id}
     */
    public KeysetPaging(String sinceParameter, String updatedField, String afterIdParameter, String idField) {
        this(sinceParameter, updatedField, afterIdParameter, idField, null, 0);
    }

    private KeysetPaging(
            String sinceParameter,
            String updatedField,
            String afterIdParameter,
            String idField,
            String limitParameter,
            int limit) {
        this.sinceParameter = Objects.requireNonNull(sinceParameter, "sinceParameter");
        this.updatedField = Objects.requireNonNull(updatedField, "updatedField");
        this.afterIdParameter = Objects.requireNonNull(afterIdParameter, "afterIdParameter");
        this.idField = Objects.requireNonNull(idField, "idField");
        this.limitParameter = limitParameter;
        this.limit = limit;
    }

    /**
     * @param parameter the query parameter of the page size, e.g. {@code limit}
     * @param size the page size
     * @return a copy that sends it and stops on a shorter page
     */
    public KeysetPaging pageSize(String parameter, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1 but is " + size);
        }
        return new KeysetPaging(
                sinceParameter,
                updatedField,
                afterIdParameter,
                idField,
                Objects.requireNonNull(parameter, "parameter"),
                size);
    }

    @Override
    public ApiRequest first(ApiRequest request) {
        return limitParameter == null ? request : request.withQuery(limitParameter, limit);
    }

    @Override
    public Optional<NextPage> next(Page page) {
        List<JsonNode> records = page.records();
        if (limitParameter != null && records.size() < limit) {
            return Optional.empty();
        }
        JsonNode last = records.get(records.size() - 1);
        String updated = required(page, last, updatedField);
        String id = required(page, last, idField);
        return Optional.of(new NextPage(
                page.request().withQuery(sinceParameter, updated).withQuery(afterIdParameter, id),
                "records after (" + updated + ", " + id + ")"));
    }

    private static String required(Page page, JsonNode record, String field) {
        JsonNode value = record.at(Json.pointer(field));
        if (!value.isValueNode() || value.isNull()) {
            throw new UnexpectedResponseException(PageFields.where(page) + " ends with a record without '" + field
                    + "' (needed for keyset pagination): " + PageFields.excerpt(record));
        }
        return value.asText();
    }
}
