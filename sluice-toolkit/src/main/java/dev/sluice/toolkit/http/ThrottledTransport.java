package dev.sluice.toolkit.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;

/**
 * Sends one exchange on the JDK's {@link HttpClient} (HTTP/1.1, redirects not followed, the body
 * read into memory) once the host's rate limiter and the bound on requests in flight let it go.
 * Thread-safe: the bound is shared by every caller, who wait in turn.
 */
final class ThrottledTransport {

    private final HttpClient http;
    private final Semaphore inFlight;

    /**
     * @param connectTimeout how long to wait for a connection
     * @param sslContext the TLS context, or null for the JDK's default
     * @param maxInFlight the most requests in flight at once, or 0 for no bound
     */
    ThrottledTransport(Duration connectTimeout, SSLContext sslContext, int maxInFlight) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.http = builder.build();
        this.inFlight = maxInFlight > 0 ? new Semaphore(maxInFlight, true) : null;
    }

    /**
     * @param request the request
     * @param limiter the rate limiter of its host
     * @return the response, whatever its status
     * @throws IOException when the exchange fails ({@code SSLException} for TLS)
     * @throws InterruptedException when interrupted while waiting for the limiter, the bound or the response
     */
    HttpResponse<byte[]> send(HttpRequest request, HostRateLimiter limiter) throws IOException, InterruptedException {
        limiter.acquire();
        if (inFlight != null) {
            inFlight.acquire();
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } finally {
            if (inFlight != null) {
                inFlight.release();
            }
        }
    }
}
