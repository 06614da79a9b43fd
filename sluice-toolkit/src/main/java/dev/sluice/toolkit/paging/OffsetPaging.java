package dev.sluice.toolkit.paging;

import dev.sluice.toolkit.http.ApiRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Offset/limit pagination: {@code ?offset=0&limit=100}, then {@code offset=100}... The offset
 * moves by the number of records each page really held (servers may cap the limit). Stops on an
 * empty page, when the offset reaches the total the body reports (if {@link #totalField} is set)
 * or, with {@link #stopOnShortPage()}, on a page shorter than the limit. Immutable.
 * Fits {@code {data, offset, limit, total}}.
 */
public final class OffsetPaging implements PageStrategy {

    private final String offsetParameter;
    private final String limitParameter;
    private final int limit;
    private final long startOffset;
    private final String totalField;
    private final boolean stopOnShortPage;

    /**
     * @param offsetParameter the query parameter of the offset, e.g. {@code offset}
     * @param limitParameter the query parameter of the page size, e.g. {@code limit}
     * @param limit the page size asked for
     */
    public OffsetPaging(String offsetParameter, String limitParameter, int limit) {
        this(offsetParameter, limitParameter, limit, 0, null, false);
    }

    private OffsetPaging(
            String offsetParameter,
            String limitParameter,
            int limit,
            long startOffset,
            String totalField,
            boolean stopOnShortPage) {
        this.offsetParameter = Objects.requireNonNull(offsetParameter, "offsetParameter");
        this.limitParameter = Objects.requireNonNull(limitParameter, "limitParameter");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but is " + limit);
        }
        this.limit = limit;
        this.startOffset = startOffset;
        this.totalField = totalField;
        this.stopOnShortPage = stopOnShortPage;
    }

    /**
     * @param field the field or JSON pointer of the total number of records, e.g. {@code total}
     * @return a copy that stops when the offset reaches it
     */
    public OffsetPaging totalField(String field) {
        return new OffsetPaging(offsetParameter, limitParameter, limit, startOffset, field, stopOnShortPage);
    }

    /**
     * @param offset the offset of the first page (0 by default)
     * @return a copy starting there
     */
    public OffsetPaging startingAt(long offset) {
        return new OffsetPaging(offsetParameter, limitParameter, limit, offset, totalField, stopOnShortPage);
    }

    /** @return a copy that also stops after a page with fewer records than the limit */
    public OffsetPaging stopOnShortPage() {
        return new OffsetPaging(offsetParameter, limitParameter, limit, startOffset, totalField, true);
    }

    @Override
    public ApiRequest first(ApiRequest request) {
        return request.withQuery(offsetParameter, startOffset).withQuery(limitParameter, limit);
    }

    @Override
    public Optional<NextPage> next(Page page) {
        long offset = PageFields.queryLong(page, offsetParameter, startOffset)
                + page.records().size();
        OptionalLong total = PageFields.optionalLong(page, totalField);
        if (total.isPresent() && offset >= total.getAsLong()
                || stopOnShortPage && page.records().size() < limit) {
            return Optional.empty();
        }
        ShortPageWarning.check(page, limitParameter, limit, true);
        return Optional.of(new NextPage(page.request().withQuery(offsetParameter, offset), "offset " + offset));
    }
}
