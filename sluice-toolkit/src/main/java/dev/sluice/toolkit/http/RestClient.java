package dev.sluice.toolkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLContext;

/**
 * An HTTP client for connectors that read JSON APIs, on the JDK's {@link java.net.http.HttpClient}: a base URL,
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

    /** The most redirects one request follows. */
    public static final int MAX_REDIRECTS = 5;

    private final String baseUrl;
    private final TimeSource time;
    private final Redactor redactor;
    private final HostRateLimiters limiters;
    private final RequestSender sender;

    private RestClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.time = builder.time;
        this.redactor = redactorOf(builder);
        this.limiters = new HostRateLimiters(builder.requestsPerSecond, builder.burst, time);
        HttpFailures failures = new HttpFailures(redactor);
        this.sender = new RequestSender(
                baseUrl,
                builder.authenticator,
                new HttpRequestFactory(builder.headers, builder.requestTimeout, failures),
                limiters,
                new ThrottledTransport(builder.connectTimeout, builder.sslContext, builder.maxConcurrent),
                new RetrySchedule(builder.retry, time, builder.random),
                failures,
                redactor);
    }

    private static Redactor redactorOf(Builder builder) {
        Authenticator authenticator = builder.authenticator;
        List<String> extraSecrets = List.copyOf(builder.secrets);
        Set<String> secretParameters = new HashSet<>(builder.secretParameters);
        secretParameters.addAll(authenticator.secretQueryParameters());
        return new Redactor(
                () -> {
                    List<String> all = new ArrayList<>(extraSecrets);
                    all.addAll(authenticator.secrets());
                    return all;
                },
                secretParameters);
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
        return limiters.forHost(host);
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
     * Blocks until a response is accepted or the request fails for good. Safe to call from many
     * threads at once.
     *
     * @param request the request
     * @return the 2xx response
     * @throws HttpSourceException (a subclass) naming method, URL and status without secrets; also
     *     when the thread is interrupted while waiting, with its interrupt flag set again
     */
    public ApiResponse send(ApiRequest request) {
        return sender.send(Objects.requireNonNull(request, "request"), this);
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
