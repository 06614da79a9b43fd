package dev.sluice.toolkit.paging;

import dev.sluice.toolkit.http.ApiRequest;
import java.util.Optional;

/**
 * How a listing moves from page to page: one implementation per pagination style (offset, page
 * number, cursor, next URL, {@code Link} header, keyset). Implementations are immutable and
 * thread-safe; {@link Paginator} drives them, stops on an empty page and guards against servers
 * that never stop.
 */
public interface PageStrategy {

    /**
     * @param request the listing's request, as the connector wrote it
     * @return the request for the first page
     */
    ApiRequest first(ApiRequest request);

    /**
     * @param page a page that held records
     * @return the request for the next page, or empty when this page was the last
     * @throws dev.sluice.toolkit.http.UnexpectedResponseException when the page lacks what the
     *     strategy needs (a total that is not a number, a record without its key)
     */
    Optional<NextPage> next(Page page);
}
