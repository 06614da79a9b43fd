package dev.sluice.toolkit.paging;

import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.UnexpectedResponseException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Next-URL pagination: each page's body holds the URL of the next page (absolute, or relative to
 * the page's URL), which carries its own query string. Stops on an empty page or a missing, null
 * or empty URL. Immutable. Fits {@code {data, next_page_url}} and HATEOAS {@code links.next}.
 */
public final class NextUrlPaging implements PageStrategy {

    private final String nextField;

    /** @param nextField the next URL's field or JSON pointer, e.g. {@code next_page_url} or {@code /links/next} */
    public NextUrlPaging(String nextField) {
        this.nextField = Objects.requireNonNull(nextField, "nextField");
    }

    @Override
    public ApiRequest first(ApiRequest request) {
        return request;
    }

    @Override
    public Optional<NextPage> next(Page page) {
        String next = PageFields.optionalText(page, nextField);
        if (next == null) {
            return Optional.empty();
        }
        String url = resolve(page, next, "'" + nextField + "'");
        return Optional.of(new NextPage(page.request().withTarget(url).withoutQuery(), "next link"));
    }

    static String resolve(Page page, String next, String source) {
        try {
            String link = next.trim();
            String base = page.response().url();
            if (link.startsWith("?")) {
                int query = base.indexOf('?');
                return (query < 0 ? base : base.substring(0, query)) + link;
            }
            return URI.create(base).resolve(link).toString();
        } catch (IllegalArgumentException e) {
            throw new UnexpectedResponseException(PageFields.where(page) + " has a next link in " + source
                    + " that is not a valid URL: " + e.getMessage());
        }
    }
}
