package dev.sluice.toolkit.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;

/**
 * Turns a request that failed for good into the {@link HttpSourceException} subclass that says why:
 * each message names the method, the URL and, for a response, its status and an excerpt of its
 * body, with every secret masked, and says what to check. Thread-safe.
 */
final class HttpFailures {

    private static final int EXCERPT = 300;

    private final Redactor redactor;

    HttpFailures(Redactor redactor) {
        this.redactor = redactor;
    }

    HttpSourceException invalidUrl(ApiRequest request, String url, IllegalArgumentException e) {
        return new HttpSourceException("Invalid URL for " + request.method() + ": '" + redactor.redact(url) + "' ("
                + e.getMessage() + "): check the base URL and path, e.g. https://api.example.com/v1");
    }

    /** Also sets the thread's interrupt flag again. */
    HttpSourceException interrupted(ApiRequest request, String url, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new HttpSourceException(request.method() + " " + redactor.redact(url) + " was interrupted", e);
    }

    TlsFailedException tlsFailed(ApiRequest request, URI uri, SSLException e) {
        return new TlsFailedException(
                "TLS failed with " + HostRateLimiters.hostOf(uri) + " for " + request.method() + " "
                        + redactor.redact(uri.toString()) + ": " + redactor.redact(String.valueOf(e.getMessage()))
                        + ". Check that the server speaks HTTPS on that port (or use http://) and that its certificate is"
                        + " valid and trusted",
                e);
    }

    ConnectionFailedException connectionFailed(ApiRequest request, URI uri, IOException e, int attempts) {
        return new ConnectionFailedException(
                "Cannot reach " + HostRateLimiters.hostOf(uri) + " for " + request.method()
                        + " " + redactor.redact(uri.toString()) + " (" + ConnectionErrors.describe(e) + ")"
                        + (attempts > 1 ? " after " + attempts + " attempts" : "")
                        + ": check the URL and the network (is the host name right, the server up, a proxy or firewall in the way?"
                        + (e instanceof HttpConnectTimeoutException && "https".equalsIgnoreCase(uri.getScheme())
                                ? " For https, does the server speak TLS on that port?"
                                : "")
                        + ")",
                e);
    }

    HttpStatusException tooManyRedirects(ApiRequest request, String url, int status) {
        return new HttpStatusException(
                where(request, url) + " was redirected more than " + RestClient.MAX_REDIRECTS + " times: check the URL",
                status);
    }

    /** A 429 or 5xx that outlasted the retries. */
    HttpStatusException gaveUp(ApiRequest request, String url, HttpResponse<byte[]> response, int attempts) {
        int status = response.statusCode();
        if (status == 429) {
            return new RateLimitExceededException(where(request, url) + ": the API kept answering 429 Too Many Requests"
                    + " after " + attempts + " attempts. Lower the client's rate limit (requests per second) or try"
                    + " again later. Response: " + excerpt(response));
        }
        return new HttpStatusException(
                where(request, url) + " failed with " + StatusText.of(status) + " after " + attempts
                        + " attempts: the server kept failing, try again later. Response: " + excerpt(response),
                status);
    }

    /** A status no retry mends: 401 and 403 as {@link AuthenticationFailedException}, the rest as they are. */
    HttpStatusException refused(ApiRequest request, String url, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return new AuthenticationFailedException(
                    where(request, url) + " was refused with " + StatusText.of(status)
                            + ": check the credentials (API key, user and password, token or client secret) and their"
                            + " permissions. Response: " + excerpt(response),
                    status);
        }
        return new HttpStatusException(
                where(request, url) + " failed with " + StatusText.of(status)
                        + (status == 404
                                ? ": check the base URL and path"
                                : status == 400 || status == 422 ? ": check the request's parameters" : "")
                        + ". Response: " + excerpt(response),
                status);
    }

    private String where(ApiRequest request, String url) {
        return request.method() + " " + redactor.redact(url);
    }

    private String excerpt(HttpResponse<byte[]> response) {
        return "'" + redactor.excerpt(new String(response.body(), StandardCharsets.UTF_8), EXCERPT) + "'";
    }
}
