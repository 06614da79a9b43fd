package dev.sluice.toolkit.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * Cursor (next token) pagination: each page's body holds a token, sent back as a query parameter
 * to get the next page. Stops on an empty page, a missing, null or empty token, or (with
 * {@link #hasMoreField}) when the body says there is no more. Immutable. Fits
 * {@code {data, next_cursor}} and scroll APIs such as {@code {data, total_count, scroll_param}}.
 */
public final class CursorPaging implements PageStrategy {

    private final String cursorParameter;
    private final String tokenField;
    private final String hasMoreField;

    /**
     * @param cursorParameter the query parameter the token goes in, e.g. {@code cursor}
     * @param tokenField the token's field or JSON pointer in the body, e.g. {@code next_cursor}
     */
    public CursorPaging(String cursorParameter, String tokenField) {
        this(cursorParameter, tokenField, null);
    }

    private CursorPaging(String cursorParameter, String tokenField, String hasMoreField) {
        this.cursorParameter = Objects.requireNonNull(cursorParameter, "cursorParameter");
        this.tokenField = Objects.requireNonNull(tokenField, "tokenField");
        this.hasMoreField = hasMoreField;
    }

    /**
     * @param field a boolean field or JSON pointer, e.g. {@code has_more}: false ends the listing
     * @return a copy that reads it
     */
    public CursorPaging hasMoreField(String field) {
        return new CursorPaging(cursorParameter, tokenField, field);
    }

    @Override
    public ApiRequest first(ApiRequest request) {
        return request;
    }

    @Override
    public Optional<NextPage> next(Page page) {
        if (hasMoreField != null) {
            JsonNode hasMore = page.body().at(Json.pointer(hasMoreField));
            if (hasMore.isBoolean() && !hasMore.booleanValue()) {
                return Optional.empty();
            }
        }
        String token = PageFields.optionalText(page, tokenField);
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(new NextPage(page.request().withQuery(cursorParameter, token), "cursor '" + token + "'"));
    }
}
