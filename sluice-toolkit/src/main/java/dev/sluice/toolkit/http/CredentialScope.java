package dev.sluice.toolkit.http;

import java.net.URI;
import java.util.Locale;

/**
 * Which URLs may carry a client's credentials: those on the origin (scheme, host and port) of its
 * base URL, with the default port of http and https filled in and case ignored. A base URL that is
 * not a URL covers nothing. Immutable.
 */
final class CredentialScope {

    private final String baseOrigin;

    CredentialScope(String baseUrl) {
        this.baseOrigin = originOrNone(baseUrl);
    }

    /**
     * @param url an absolute URL
     * @return whether the authenticator may sign a request to it
     */
    boolean covers(String url) {
        return !baseOrigin.isEmpty() && baseOrigin.equals(originOrNone(url));
    }

    private static String originOrNone(String url) {
        try {
            return origin(URI.create(url));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }
}
