package dev.sluice.toolkit.paging;

import dev.sluice.toolkit.http.ApiRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Page-number pagination: {@code ?page=1&per_page=100}, then {@code page=2}... Stops on an empty
 * page, after the last page the body reports ({@link #totalPagesField}), once the records read
 * reach the total it reports ({@link #totalItemsField}), or with {@link #stopOnShortPage()} on a
 * page shorter than the size. Immutable. Fits {@code {data, page, page_size, total_pages}} and
 * {@code {data, total_items, page, per_page}}.
 *
 * <p>The size is what the request asks for; a server may send fewer records a page (many cap the
 * size). A first page shorter than the size while more remain is logged as a warning, once per
 * listing.
 */
public final class PageNumberPaging implements PageStrategy {

    private final String pageParameter;
    private final String sizeParameter;
    private final int size;
    private final long firstPage;
    private final String totalPagesField;
    private final String totalItemsField;
    private final boolean stopOnShortPage;

    /**
     * @param pageParameter the query parameter of the page number, e.g. {@code page}
     * @param sizeParameter the query parameter of the page size, e.g. {@code per_page}; null to send none
     * @param size the page size asked for in {@code sizeParameter}; the server may cap it and send
     *     fewer records a page
     */
    public PageNumberPaging(String pageParameter, String sizeParameter, int size) {
        this(pageParameter, sizeParameter, size, 1, null, null, false);
    }

    private PageNumberPaging(
            String pageParameter,
            String sizeParameter,
            int size,
            long firstPage,
            String totalPagesField,
            String totalItemsField,
            boolean stopOnShortPage) {
        this.pageParameter = Objects.requireNonNull(pageParameter, "pageParameter");
        this.sizeParameter = sizeParameter;
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1 but is " + size);
        }
        this.size = size;
        this.firstPage = firstPage;
        this.totalPagesField = totalPagesField;
        this.totalItemsField = totalItemsField;
        this.stopOnShortPage = stopOnShortPage;
    }

    /**
     * @param number the number of the first page: 1 (default) or 0
     * @return a copy counting from there
     */
    public PageNumberPaging firstPage(long number) {
        return new PageNumberPaging(
                pageParameter, sizeParameter, size, number, totalPagesField, totalItemsField, stopOnShortPage);
    }

    /**
     * @param field the field or JSON pointer of the number of pages, e.g. {@code total_pages}
     * @return a copy that stops after that page
     */
    public PageNumberPaging totalPagesField(String field) {
        return new PageNumberPaging(
                pageParameter, sizeParameter, size, firstPage, field, totalItemsField, stopOnShortPage);
    }

    /**
     * @param field the field or JSON pointer of the number of records, e.g. {@code total_items}
     * @return a copy that stops once that many records were read
     */
    public PageNumberPaging totalItemsField(String field) {
        return new PageNumberPaging(
                pageParameter, sizeParameter, size, firstPage, totalPagesField, field, stopOnShortPage);
    }

    /** @return a copy that also stops after a page with fewer records than the size */
    public PageNumberPaging stopOnShortPage() {
        return new PageNumberPaging(
                pageParameter, sizeParameter, size, firstPage, totalPagesField, totalItemsField, true);
    }

    @Override
    public ApiRequest first(ApiRequest request) {
        ApiRequest first = request.withQuery(pageParameter, firstPage);
        return sizeParameter == null ? first : first.withQuery(sizeParameter, size);
    }

    @Override
    public Optional<NextPage> next(Page page) {
        long current = PageFields.queryLong(page, pageParameter, firstPage);
        OptionalLong totalPages = PageFields.optionalLong(page, totalPagesField);
        OptionalLong totalItems = PageFields.optionalLong(page, totalItemsField);
        long read = page.recordsBefore() + page.records().size();
        if (totalPages.isPresent() && current - firstPage + 1 >= totalPages.getAsLong()
                || totalItems.isPresent() && read >= totalItems.getAsLong()
                || stopOnShortPage && page.records().size() < size) {
            return Optional.empty();
        }
        ShortPageWarning.check(page, sizeParameter, size, true);
        return Optional.of(new NextPage(page.request().withQuery(pageParameter, current + 1), "page " + (current + 1)));
    }
}
