package dev.sluice.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.toolkit.paging.CursorPaging;
import dev.sluice.toolkit.paging.OffsetPaging;
import dev.sluice.toolkit.paging.PageNumberPaging;
import dev.sluice.toolkit.paging.PageStrategy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A paginated route of the API playground that serves all users, described twice: as a toolkit
 * {@link PageStrategy}, and as the hand-written rule a bare loop follows to the next page. Both stop
 * at the same page, so both make the same requests.
 */
public enum PlaygroundListing {

    /** {@code /pagination/keyset}: an opaque {@code scroll_param}, null at the end. */
    KEYSET("/pagination/keyset", "per_page") {
        @Override
        PageStrategy strategy(int perPage) {
            return new CursorPaging("scroll_param", "scroll_param");
        }

        @Override
        String nextParameters(JsonNode body, int perPage, int pageNumber, long recordsSoFar) {
            return token(body, "scroll_param", "scroll_param");
        }
    },
    /** {@code /pagination/cursor}: an opaque {@code next_cursor}, null at the end. */
    CURSOR("/pagination/cursor", "limit") {
        @Override
        PageStrategy strategy(int perPage) {
            return new CursorPaging("cursor", "next_cursor");
        }

        @Override
        String nextParameters(JsonNode body, int perPage, int pageNumber, long recordsSoFar) {
            return token(body, "next_cursor", "cursor");
        }
    },
    /** {@code /pagination/offset}: {@code offset} and {@code limit} until {@code total}. */
    OFFSET("/pagination/offset", "limit") {
        @Override
        PageStrategy strategy(int perPage) {
            return new OffsetPaging("offset", "limit", perPage).totalField("total");
        }

        @Override
        String nextParameters(JsonNode body, int perPage, int pageNumber, long recordsSoFar) {
            return recordsSoFar < body.get("total").asLong() ? "&offset=" + recordsSoFar : null;
        }
    },
    /** {@code /pagination/page_number}: {@code page} until {@code total_pages}. */
    PAGE_NUMBER("/pagination/page_number", "per_page") {
        @Override
        PageStrategy strategy(int perPage) {
            return new PageNumberPaging("page", "per_page", perPage).totalPagesField("total_pages");
        }

        @Override
        String nextParameters(JsonNode body, int perPage, int pageNumber, long recordsSoFar) {
            return pageNumber < body.get("total_pages").asLong() ? "&page=" + (pageNumber + 1) : null;
        }
    };

    private final String path;
    private final String sizeParameter;

    PlaygroundListing(String path, String sizeParameter) {
        this.path = path;
        this.sizeParameter = sizeParameter;
    }

    /** @return the route's path, e.g. {@code /pagination/keyset} */
    public String path() {
        return path;
    }

    /** @return the query parameter of the page size */
    public String sizeParameter() {
        return sizeParameter;
    }

    /** @return the name users type: {@code keyset}, {@code page_number}... */
    public String optionName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param perPage the page size
     * @return how the toolkit pages through this route
     */
    abstract PageStrategy strategy(int perPage);

    /**
     * The bare loop's rule.
     *
     * @param body the page just read
     * @param perPage the page size
     * @param pageNumber its number, from 1
     * @param recordsSoFar records read so far, this page's included
     * @return the query to append for the next page ({@code &name=value}), or null after the last page
     */
    abstract String nextParameters(JsonNode body, int perPage, int pageNumber, long recordsSoFar);

    private static String token(JsonNode body, String field, String parameter) {
        JsonNode token = body.get(field);
        return token == null || token.isNull()
                ? null
                : "&" + parameter + "=" + URLEncoder.encode(token.asText(), StandardCharsets.UTF_8);
    }

    /**
     * @param name {@code keyset}, {@code cursor}, {@code offset} or {@code page_number} (any case, {@code -} or {@code _})
     * @return the listing
     * @throws IllegalArgumentException naming the choices when there is no such listing
     */
    public static PlaygroundListing parse(String name) {
        String wanted = name.strip().replace('-', '_');
        for (PlaygroundListing listing : values()) {
            if (listing.name().equalsIgnoreCase(wanted)) {
                return listing;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a paginated route of the playground: use keyset,"
                + " cursor, offset or page_number");
    }
}
