package dev.sluice.toolkit.paging;

import dev.sluice.toolkit.http.ApiRequest;
import java.util.Objects;

/**
 * The request for the next page, and what moved it on, for messages.
 *
 * @param request the request for the next page
 * @param marker what identifies that page, e.g. {@code offset 200}, {@code cursor 'abc'} or
 *     {@code next link https://...}; never a secret
 */
public record NextPage(ApiRequest request, String marker) {

    /**
     * Checks the values.
     *
     * @param request the request for the next page
     * @param marker what identifies that page, e.g. {@code offset 200}, {@code cursor 'abc'} or
     *     {@code next link https://...}; never a secret
     */
    public NextPage {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(marker, "marker");
    }
}
