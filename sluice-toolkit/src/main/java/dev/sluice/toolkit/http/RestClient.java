package dev.sluice.toolkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP client for connectors that read JSON APIs, on the JDK's {@link HttpClient}: a base URL,
 * default headers, an {@link Authenticator}, connect and request timeouts, retries with
 * exponential backoff and full jitter on connection errors, 429 and 5xx (honouring
 * {@code Retry-After}, as seconds or an HTTP date, up to a cap), an adaptive per-host rate limit
 * and a bound on concurrent requests.
 *
 * <pre>{@code
 * RestClient api = RestClient.builder("https://api.example.com/v1")
 *         .authenticator(Auth.bearer(configuration.require("token")))
 *         .rateLimit(10)                       // requests per second to each host
 *         .build();
 * JsonNode user = api.getJson("/users/42");
 * }</pre>
 *
 * <p><b>Outcomes:</b> {@link #send} returns 2xx responses. 401 gets one more try after the
 * authenticator renews its credentials. Any other 4xx but 429 fails at once. Connection errors, 429
 * and 5xx are retried within the {@link RetryPolicy}; when it is spent, or at once for 4xx and TLS
 * errors, a subclass of {@link HttpSourceException} is thrown whose message names the method, the
 * URL and status, with every secret masked.
 *
 * <p><b>Credentials stay with the API:</b> the authenticator signs only requests to the base URL's
 * origin (scheme, host and port). A request to another origin, such as a next-page URL or a
 * {@code Link} a server names on another host, is sent without credentials. Redirects (up to
 * {@value #MAX_REDIRECTS}) are followed by the client itself, so the same rule holds for each hop.
 *
 * <p><b>Threading:</b> a client is immutable once built and safe to share between threads: a
 * connector that fetches in parallel uses one client from all its threads, and
 * {@link Builder#maxConcurrentRequests(int)} bounds how many requests are in flight at once
 * (callers beyond it wait). The rate limit is shared by all threads, per host.
 */
public final class RestClient {

    private static final Logger LOG = LoggerFactory.getLogger(RestClient.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final int EXCERPT = 300;
    /** The most redirects one request follows. */
    public static final int MAX_REDIRECTS = 5;

    private final String baseUrl;
    private final String baseOrigin;
    private final Map<String, String> defaultHeaders;
    private final Authenticator authenticator;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final double requestsPerSecond;
    private final int burst;
    private final Semaphore concurrency;
    private final TimeSource time;
    private final DoubleSupplier random;
    private final HttpClient http;
    private final Redactor redactor;
    private final Map<String, HostRateLimiter> limiters = new ConcurrentHashMap<>();

    private RestClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.baseOrigin = originOrNone(builder.baseUrl);
        this.defaultHeaders = Map.copyOf(builder.headers);
        this.authenticator = builder.authenticator;
        this.requestTimeout = builder.requestTimeout;
        this.retry = builder.retry;
        this.requestsPerSecond = builder.requestsPerSecond;
        this.burst = builder.burst;
        this.concurrency = builder.maxConcurrent > 0 ? new Semaphore(builder.maxConcurrent, true) : null;
        this.time = builder.time;
        this.random = builder.random;
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        if (builder.sslContext != null) {
            http.sslContext(builder.sslContext);
        }
        this.http = http.build();
        List<String> extraSecrets = List.copyOf(builder.secrets);
        Set<String> secretParameters = new HashSet<>(builder.secretParameters);
        secretParameters.addAll(authenticator.secretQueryParameters());
        this.redactor = new Redactor(() -> {
            List<String> all = new ArrayList<>(extraSecrets);
            all.addAll(authenticator.secrets());
            return all;
        }, secretParameters);
    }

    /**
     * @param baseUrl the URL paths are resolved against, e.g. {@code https://api.example.com/v1}
     * @return a builder with the defaults: 10 s connect timeout, 60 s request timeout,
     *     {@link RetryPolicy#DEFAULT}, no rate limit, no bound on concurrency, no authentication
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** @return the base URL */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the redactor that masks this client's secrets, for connectors' own messages */
    public Redactor redactor() {
        return redactor;
    }

    /** @return the clock and sleeper this client uses */
    public TimeSource time() {
        return time;
    }

    /**
     * @param request a request
     * @return its absolute URL with secrets masked, for messages and logs
     */
    public String safeUrl(ApiRequest request) {
        return redactor.redact(request.url(baseUrl));
    }

    /**
     * @param host {@code host:port} as requests use it, the port always given (e.g. {@code api.example.com:443})
     * @return the rate limiter of that host (created on first use)
     */
    public HostRateLimiter rateLimiter(String host) {
        return limiters.computeIfAbsent(host, key -> new HostRateLimiter(requestsPerSecond, burst, time));
    }

    /**
     * @param path a path or absolute URL
     * @return the body of a GET, as JSON
     * @throws HttpSourceException when the request fails or the body is not JSON
     */
    public JsonNode getJson(String path) {
        return send(ApiRequest.get(path)).json();
    }

    /**
     * @param path a path or absolute URL
     * @param query query parameters
     * @return the body of a GET, as JSON
     * @throws HttpSourceException when the request fails or the body is not JSON
     */
    public JsonNode getJson(String path, Map<String, ?> query) {
        return send(ApiRequest.get(path).withQuery(query)).json();
    }

    /**
     * Sends a request, with authentication, rate limit, retries and backoff as described above.
     * Blocks until a response is accepted or the request fails for good.
     *
     * @param request the request
     * @return the 2xx response
     * @throws HttpSourceException (a subclass) naming method, URL and status without secrets
     */
    public ApiResponse send(ApiRequest request) {
        Objects.requireNonNull(request, "request");
        boolean renewed = false;
        int attempt = 1;
        int redirects = 0;
        while (true) {
            boolean sign = request.authenticated() && sameOriginAsBase(request.url(baseUrl));
            ApiRequest signed = sign ? authenticator.authenticate(request, this) : request;
            String url = signed.url(baseUrl);
            URI uri = toUri(request, url);
            HostRateLimiter limiter = rateLimiter(hostOf(uri));
            HttpResponse<byte[]> response;
            try {
                response = exchange(signed, uri, limiter);
            } catch (SSLException e) {
                throw tlsFailed(request, uri, e);
            } catch (IOException e) {
                if (attempt >= retry.maxAttempts() || !isRetriable(e)) {
                    throw connectionFailed(request, uri, e, attempt);
                }
                Duration wait = retry.backoff(attempt, random);
                LOG.warn("{} {} failed ({}); retry {} of {} in {} ms", request.method(), redactor.redact(url),
                        describe(e), attempt, retry.maxAttempts() - 1, wait.toMillis());
                sleep(wait);
                attempt++;
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                limiter.succeeded();
                return new ApiResponse(request, url, status, response.headers().map(), response.body(), redactor);
            }
            Optional<String> location = response.headers().firstValue("Location");
            if (REDIRECTS.contains(status) && location.isPresent()) {
                if (++redirects > MAX_REDIRECTS) {
                    throw new HttpStatusException(request.method() + " " + redactor.redact(url) + " was redirected more than "
                            + MAX_REDIRECTS + " times: check the URL", status);
                }
                String next = uri.resolve(location.get()).toString();
                LOG.debug("{} {} redirected ({}) to {}", request.method(), redactor.redact(url), status, redactor.redact(next));
                request = request.redirectedTo(next, status == 303);
                continue;
            }
            if (status == 401 && sign && !renewed && authenticator.renewAfterRejection(signed, this)) {
                renewed = true;
                LOG.info("{} {} answered 401: credentials renewed, trying once more", request.method(), redactor.redact(url));
                continue;
            }
            if (status == 429 || status >= 500) {
                if (attempt >= retry.maxAttempts()) {
                    throw gaveUp(request, url, response, attempt);
                }
                Duration wait = waitBeforeRetry(response, attempt);
                if (status == 429) {
                    limiter.throttled(wait);
                }
                LOG.warn("{} {} answered {}; retry {} of {} in {} ms{}", request.method(), redactor.redact(url), status,
                        attempt, retry.maxAttempts() - 1, wait.toMillis(), status == 429
                                ? " (every request to this host waits; rate now " + String.format("%.2f", limiter.currentRate()) + "/s)" : "");
                if (status != 429) {
                    sleep(wait);
                }
                attempt++;
                continue;
            }
            throw refused(request, url, response);
        }
    }

    private boolean sameOriginAsBase(String url) {
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

    private HttpResponse<byte[]> exchange(ApiRequest signed, URI uri, HostRateLimiter limiter) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout);
        Map<String, String> headers = new LinkedHashMap<>();
        defaultHeaders.forEach((name, value) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), value));
        signed.headers().forEach((name, value) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), value));
        headers.putIfAbsent("accept", "application/json");
        headers.forEach((name, value) -> {
            if (!RESTRICTED_HEADERS.contains(name)) {
                builder.header(name, value);
            }
        });
        byte[] body = signed.body();
        builder.method(signed.method(), body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpRequest request = builder.build();
        try {
            limiter.acquire();
            if (concurrency != null) {
                concurrency.acquire();
            }
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } finally {
                if (concurrency != null) {
                    concurrency.release();
                }
            }
        } catch (InterruptedException e) {
            throw interrupted(signed, e);
        }
    }

    private Duration waitBeforeRetry(HttpResponse<byte[]> response, int attempt) {
        return response.headers().firstValue("Retry-After")
                .flatMap(value -> RetryAfter.parse(value, time.now()))
                .map(retry::capRetryAfter)
                .orElseGet(() -> retry.backoff(attempt, random));
    }

    private void sleep(Duration wait) {
        try {
            time.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpSourceException("Interrupted while waiting to retry a request", e);
        }
    }

    private static boolean isRetriable(IOException e) {
        return !isUnknownHost(e);
    }

    private static boolean isUnknownHost(IOException e) {
        Throwable root = rootCause(e);
        return root instanceof UnknownHostException || root instanceof UnresolvedAddressException;
    }

    private HttpSourceException interrupted(ApiRequest request, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new HttpSourceException(request.method() + " " + safeUrl(request) + " was interrupted", e);
    }

    private URI toUri(ApiRequest request, String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new HttpSourceException("Invalid URL for " + request.method() + ": '" + redactor.redact(url)
                    + "' (" + e.getMessage() + "): check the base URL and path, e.g. https://api.example.com/v1");
        }
    }

    private static String hostOf(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private TlsFailedException tlsFailed(ApiRequest request, URI uri, SSLException e) {
        return new TlsFailedException("TLS failed with " + hostOf(uri) + " for " + request.method() + " "
                + redactor.redact(uri.toString()) + ": " + redactor.redact(String.valueOf(e.getMessage()))
                + ". Check that the server speaks HTTPS on that port (or use http://) and that its certificate is"
                + " valid and trusted", e);
    }

    private ConnectionFailedException connectionFailed(ApiRequest request, URI uri, IOException e, int attempts) {
        return new ConnectionFailedException("Cannot reach " + hostOf(uri) + " for " + request.method() + " "
                + redactor.redact(uri.toString()) + " (" + describe(e) + ")"
                + (attempts > 1 ? " after " + attempts + " attempts" : "")
                + ": check the URL and the network (is the host name right, the server up, a proxy or firewall in the way?"
                + (e instanceof HttpConnectTimeoutException && "https".equalsIgnoreCase(uri.getScheme())
                        ? " For https, does the server speak TLS on that port?" : "") + ")", e);
    }

    private static String describe(IOException e) {
        Throwable root = rootCause(e);
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "request timed out";
        }
        if (isUnknownHost(e)) {
            return "unknown host";
        }
        if (root instanceof ConnectException || e instanceof ConnectException) {
            return "connection refused";
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private HttpStatusException gaveUp(ApiRequest request, String url, HttpResponse<byte[]> response, int attempts) {
        int status = response.statusCode();
        String where = request.method() + " " + redactor.redact(url);
        if (status == 429) {
            return new RateLimitExceededException(where + ": the API kept answering 429 Too Many Requests after "
                    + attempts + " attempts. Lower the client's rate limit (requests per second) or try again later. Response: "
                    + excerpt(response));
        }
        return new HttpStatusException(where + " failed with " + StatusText.of(status) + " after " + attempts
                + " attempts: the server kept failing, try again later. Response: " + excerpt(response), status);
    }

    private HttpStatusException refused(ApiRequest request, String url, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String where = request.method() + " " + redactor.redact(url);
        if (status == 401 || status == 403) {
            return new AuthenticationFailedException(where + " was refused with " + StatusText.of(status)
                    + ": check the credentials (API key, user and password, token or client secret) and their"
                    + " permissions. Response: " + excerpt(response), status);
        }
        return new HttpStatusException(where + " failed with " + StatusText.of(status)
                + (status == 404 ? ": check the base URL and path" : status == 400 || status == 422
                        ? ": check the request's parameters" : "")
                + ". Response: " + excerpt(response), status);
    }

    private String excerpt(HttpResponse<byte[]> response) {
        return "'" + redactor.excerpt(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), EXCERPT) + "'";
    }

    /** Configures a {@link RestClient}; not thread-safe. */
    public static final class Builder {

        private final String baseUrl;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Authenticator authenticator = Authenticator.none();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private double requestsPerSecond;
        private int burst = 1;
        private int maxConcurrent;
        private TimeSource time = TimeSource.system();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private SSLContext sslContext;
        private final List<String> secrets = new ArrayList<>();
        private final Set<String> secretParameters = new HashSet<>();

        private Builder(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }

        /**
         * @param name a header sent with every request (a request's own header of that name wins)
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param authenticator adds credentials to every request
         * @return this builder
         */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * @param timeout how long to wait for a TCP (and TLS) connection
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout how long one attempt may take until the response headers arrive
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * @param policy attempts, backoff and {@code Retry-After} cap
         * @return this builder
         */
        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param requestsPerSecond the most requests per second to each host, shared by all threads;
         *     halved on each 429 and won back gradually
         * @return this builder
         */
        public Builder rateLimit(double requestsPerSecond) {
            return rateLimit(requestsPerSecond, 1);
        }

        /**
         * @param requestsPerSecond the most requests per second to each host
         * @param burst how many may go at once after a quiet spell
         * @return this builder
         */
        public Builder rateLimit(double requestsPerSecond, int burst) {
            if (!(requestsPerSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("rate limit must be positive and burst at least 1, but are "
                        + requestsPerSecond + " and " + burst);
            }
            this.requestsPerSecond = requestsPerSecond;
            this.burst = burst;
            return this;
        }

        /**
         * @param max the most requests in flight at once from all threads; callers beyond it wait
         * @return this builder
         */
        public Builder maxConcurrentRequests(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentRequests must be at least 1 but is " + max);
            }
            this.maxConcurrent = max;
            return this;
        }

        /**
         * @param time the clock and sleeper (tests inject a fake one)
         * @return this builder
         */
        public Builder time(TimeSource time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * @param random uniform values in [0, 1) for the backoff's jitter (tests inject a fixed one)
         * @return this builder
         */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * @param sslContext the TLS context, e.g. one that trusts a private CA
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * @param values more secret values to mask in messages (the authenticator's are masked anyway)
         * @return this builder
         */
        public Builder secrets(Collection<String> values) {
            values.forEach(value -> secrets.add(Objects.requireNonNull(value, "secret")));
            return this;
        }

        /**
         * @param names more query parameters whose values are secret
         * @return this builder
         */
        public Builder secretQueryParameters(Collection<String> names) {
            secretParameters.addAll(names);
            return this;
        }

        /** @return the client */
        public RestClient build() {
            return new RestClient(this);
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive but is " + duration);
            }
            return duration;
        }
    }
}
