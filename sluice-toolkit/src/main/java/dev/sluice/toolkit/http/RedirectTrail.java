package dev.sluice.toolkit.http;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;

/**
 * The redirects of one request, followed by the client itself so that each hop is signed, or not,
 * on its own: a 301, 302, 303, 307 or 308 with a {@code Location} leads to the next hop (a 303 as
 * a GET without a body), up to {@value RestClient#MAX_REDIRECTS} hops. One instance per request;
 * not thread-safe.
 */
final class RedirectTrail {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpFailures failures;
    private int hops;

    RedirectTrail(HttpFailures failures) {
        this.failures = failures;
    }

    /**
     * @param request the request as the caller made it (or as the last hop led to)
     * @param url the URL it was sent to, secrets included
     * @param uri the same as a URI
     * @param response the response
     * @return the request of the next hop, or empty when the response is no redirect to follow
     * @throws HttpStatusException when this would be one hop too many
     */
    Optional<ApiRequest> next(ApiRequest request, String url, URI uri, HttpResponse<?> response) {
        int status = response.statusCode();
        Optional<String> location = response.headers().firstValue("Location");
        if (!REDIRECTS.contains(status) || location.isEmpty()) {
            return Optional.empty();
        }
        if (++hops > RestClient.MAX_REDIRECTS) {
            throw failures.tooManyRedirects(request, url, status);
        }
        return Optional.of(request.redirectedTo(uri.resolve(location.get()).toString(), status == 303));
    }
}
