package dev.sluice.toolkit.paging;

import dev.sluice.toolkit.http.ApiRequest;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code Link} header pagination (RFC 8288): the next page is the link with relation
 * {@code next} (or another relation), resolved against the page's URL. Stops on an empty page or
 * when no such link comes. Immutable. Fits GitHub-style APIs whose body is a bare JSON array.
 */
public final class LinkHeaderPaging implements PageStrategy {

    private final String relation;

    /** Follows {@code rel="next"}. */
    public LinkHeaderPaging() {
        this("next");
    }

    /** @param relation the relation to follow, compared ignoring case */
    public LinkHeaderPaging(String relation) {
        this.relation = Objects.requireNonNull(relation, "relation").toLowerCase(Locale.ROOT);
    }

    @Override
    public ApiRequest first(ApiRequest request) {
        return request;
    }

    @Override
    public Optional<NextPage> next(Page page) {
        for (String header : page.response().headers("Link")) {
            for (LinkHeader.Link link : LinkHeader.parse(header)) {
                if (link.relations().contains(relation)) {
                    String url = NextUrlPaging.resolve(page, link.target(), "the Link header");
                    return Optional.of(new NextPage(
                            page.request().withTarget(url).withoutQuery(), "Link rel=\"" + relation + "\""));
                }
            }
        }
        return Optional.empty();
    }
}
