package dev.sluice.toolkit.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one request to its outcome, as {@link RestClient#send} describes it: signs each hop that
 * {@link CredentialScope} covers, follows redirects, renews rejected credentials once, retries
 * connection errors, 429 and 5xx as the {@link RetrySchedule} allows (a 429 also slows the host's
 * rate limiter), and returns the 2xx response or throws what {@link HttpFailures} makes of the
 * failure. Thread-safe: each call keeps its own attempt counts.
 */
final class RequestSender {

    /** Logged under the client's name, which logging configurations refer to. */
    private static final Logger LOG = LoggerFactory.getLogger(RestClient.class);

    private final String baseUrl;
    private final Authenticator authenticator;
    private final CredentialScope credentialScope;
    private final HttpRequestFactory requests;
    private final HostRateLimiters limiters;
    private final ThrottledTransport transport;
    private final RetrySchedule retries;
    private final HttpFailures failures;
    private final Redactor redactor;

    RequestSender(
            String baseUrl,
            Authenticator authenticator,
            HttpRequestFactory requests,
            HostRateLimiters limiters,
            ThrottledTransport transport,
            RetrySchedule retries,
            HttpFailures failures,
            Redactor redactor) {
        this.baseUrl = baseUrl;
        this.authenticator = authenticator;
        this.credentialScope = new CredentialScope(baseUrl);
        this.requests = requests;
        this.limiters = limiters;
        this.transport = transport;
        this.retries = retries;
        this.failures = failures;
        this.redactor = redactor;
    }

    ApiResponse send(ApiRequest request, RestClient client) {
        RedirectTrail redirects = new RedirectTrail(failures);
        boolean renewed = false;
        int attempt = 1;
        while (true) {
            boolean sign = request.authenticated() && credentialScope.covers(request.url(baseUrl));
            ApiRequest signed = sign ? authenticator.authenticate(request, client) : request;
            String url = signed.url(baseUrl);
            URI uri = requests.uriOf(request, url);
            HostRateLimiter limiter = limiters.forHost(HostRateLimiters.hostOf(uri));
            HttpResponse<byte[]> response;
            try {
                response = transport.send(requests.build(signed, uri), limiter);
            } catch (SSLException e) {
                throw failures.tlsFailed(request, uri, e);
            } catch (IOException e) {
                if (!retries.allowsRetryAfter(attempt) || !ConnectionErrors.isRetriable(e)) {
                    throw failures.connectionFailed(request, uri, e, attempt);
                }
                Duration wait = retries.backoff(attempt);
                LOG.warn(
                        "{} {} failed ({}); retry {} of {} in {} ms",
                        request.method(),
                        redactor.redact(url),
                        ConnectionErrors.describe(e),
                        attempt,
                        retries.retries(),
                        wait.toMillis());
                retries.sleep(wait);
                attempt++;
                continue;
            } catch (InterruptedException e) {
                throw failures.interrupted(signed, url, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                limiter.succeeded();
                return new ApiResponse(request, url, status, response.headers().map(), response.body(), redactor);
            }
            Optional<ApiRequest> redirected = redirects.next(request, url, uri, response);
            if (redirected.isPresent()) {
                LOG.debug(
                        "{} {} redirected ({}) to {}",
                        request.method(),
                        redactor.redact(url),
                        status,
                        redactor.redact(redirected.get().target()));
                request = redirected.get();
                continue;
            }
            if (status == 401 && sign && !renewed && authenticator.renewAfterRejection(signed, client)) {
                renewed = true;
                LOG.info(
                        "{} {} answered 401: credentials renewed, trying once more",
                        request.method(),
                        redactor.redact(url));
                continue;
            }
            if (status != 429 && status < 500) {
                throw failures.refused(request, url, response);
            }
            if (!retries.allowsRetryAfter(attempt)) {
                throw failures.gaveUp(request, url, response, attempt);
            }
            waitToRetry(request, url, response, attempt, limiter);
            attempt++;
        }
    }

    /** A 429 holds every request to the host through its limiter; a 5xx waits here. */
    private void waitToRetry(
            ApiRequest request, String url, HttpResponse<byte[]> response, int attempt, HostRateLimiter limiter) {
        int status = response.statusCode();
        Duration wait =
                retries.waitAfter(response.headers().firstValue("Retry-After").orElse(null), attempt);
        if (status == 429) {
            limiter.throttled(wait);
        }
        LOG.warn(
                "{} {} answered {}; retry {} of {} in {} ms{}",
                request.method(),
                redactor.redact(url),
                status,
                attempt,
                retries.retries(),
                wait.toMillis(),
                status == 429
                        ? " (every request to this host waits; rate now " + String.format("%.2f", limiter.currentRate())
                                + "/s)"
                        : "");
        if (status != 429) {
            retries.sleep(wait);
        }
    }
}
