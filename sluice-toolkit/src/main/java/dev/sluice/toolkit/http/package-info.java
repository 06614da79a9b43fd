/**
 * An HTTP client for connectors that read JSON APIs: {@link dev.sluice.toolkit.http.RestClient}
 * with retries, backoff, {@code Retry-After}, an adaptive per-host rate limit, a bound on
 * concurrency and secret redaction; requests and responses as
 * {@link dev.sluice.toolkit.http.ApiRequest} and {@link dev.sluice.toolkit.http.ApiResponse}.
 * Every failure is a {@link dev.sluice.toolkit.http.HttpSourceException} subclass whose message
 * holds no secret. {@code RestClient} is the facade; behind it, one package-private class per job
 * (the request loop, credential scope, redirects, retry schedule, request building, throttled
 * transport and failure messages).
 */
package dev.sluice.toolkit.http;
