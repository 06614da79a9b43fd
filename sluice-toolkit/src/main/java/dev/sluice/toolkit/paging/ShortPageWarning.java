package dev.sluice.toolkit.paging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per listing, when a server sends fewer records a page than asked while more remain:
 * it caps the page size, so the listing takes more requests than the size suggests. Checked on the
 * first page only, as a capping server already shows it there.
 */
final class ShortPageWarning {

    private static final Logger LOG = LoggerFactory.getLogger(Paginator.class);

    private ShortPageWarning() {}

    /**
     * @param page the page just read
     * @param sizeParameter the query parameter that asks for the size, or null when none is sent
     * @param asked the size asked for
     * @param more whether the strategy goes on to another page
     */
    static void check(Page page, String sizeParameter, int asked, boolean more) {
        int got = page.records().size();
        if (!more || sizeParameter == null || page.number() != 1 || got == 0 || got >= asked) {
            return;
        }
        String target = page.request().target();
        int query = target.indexOf('?');
        LOG.warn(
                "{} {}: asked for {} records a page ({}={}) but the first page held {} while more remain; the server"
                        + " caps its page size, so the listing takes about {} times the requests. Ask for {} to"
                        + " match it",
                page.request().method(),
                query < 0 ? target : target.substring(0, query),
                asked,
                sizeParameter,
                asked,
                got,
                (asked + got - 1) / got,
                got);
    }
}
