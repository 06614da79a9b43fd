package dev.sluice.toolkit.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One HTTP request, immutable: a method, a target (a path resolved against the client's base URL,
 * or an absolute URL), query parameters in order, headers and an optional body. Every
 * {@code with*} method returns a changed copy, so a request can be shared between threads and
 * used as a template by paginators.
 */
public final class ApiRequest {

    private final String method;
    private final String target;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final boolean authenticated;

    private ApiRequest(
            String method,
            String target,
            Map<String, String> query,
            Map<String, String> headers,
            byte[] body,
            boolean authenticated) {
        this.method = method;
        this.target = target;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.authenticated = authenticated;
    }

    /**
     * @param method an HTTP method such as GET or POST
     * @param target a path ({@code /orders}, resolved against the base URL) or an absolute URL
     * @return a request without query parameters, headers or body
     */
    public static ApiRequest of(String method, String target) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        return new ApiRequest(method.toUpperCase(Locale.ROOT), target, Map.of(), Map.of(), null, true);
    }

    /**
     * @param target a path or an absolute URL
     * @return a GET request
     */
    public static ApiRequest get(String target) {
        return of("GET", target);
    }

    /**
     * @param target a path or an absolute URL
     * @return a POST request without a body
     */
    public static ApiRequest post(String target) {
        return of("POST", target);
    }

    /** @return the method, upper case */
    public String method() {
        return method;
    }

    /** @return the path or absolute URL, without the query parameters of {@link #query()} */
    public String target() {
        return target;
    }

    /** @return the query parameters, in order, unmodifiable */
    public Map<String, String> query() {
        return query;
    }

    /** @return the headers, unmodifiable */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the body, or null */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    /** @return false for requests the authenticator itself makes (logins, token calls) */
    public boolean authenticated() {
        return authenticated;
    }

    /**
     * @param name a query parameter
     * @return its value, or null
     */
    public String queryParameter(String name) {
        return query.get(name);
    }

    /**
     * @param name a header name
     * @return its value (names compared ignoring case), or null
     */
    public String header(String name) {
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * @param target a path or an absolute URL
     * @return a copy aimed elsewhere, with the same query parameters, headers and body
     */
    public ApiRequest withTarget(String target) {
        return new ApiRequest(method, Objects.requireNonNull(target, "target"), query, headers, body, authenticated);
    }

    /**
     * @param name a query parameter
     * @param value its value (converted with {@code toString}); null removes the parameter
     * @return a copy with the parameter set, replacing any earlier value
     */
    public ApiRequest withQuery(String name, Object value) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value.toString());
        }
        return new ApiRequest(method, target, Collections.unmodifiableMap(copy), headers, body, authenticated);
    }

    /**
     * @param parameters query parameters to set
     * @return a copy with each parameter set
     */
    public ApiRequest withQuery(Map<String, ?> parameters) {
        ApiRequest result = this;
        for (Map.Entry<String, ?> entry : parameters.entrySet()) {
            result = result.withQuery(entry.getKey(), entry.getValue());
        }
        return result;
    }

    /**
     * @param location the absolute URL a redirect names
     * @param asGet whether the redirect turns the request into a GET without a body (303)
     * @return the request to send there: its own query, the same headers
     */
    ApiRequest redirectedTo(String location, boolean asGet) {
        return new ApiRequest(asGet ? "GET" : method, location, Map.of(), headers, asGet ? null : body, authenticated);
    }

    /** @return a copy without query parameters (for absolute next-page URLs that carry their own) */
    public ApiRequest withoutQuery() {
        return new ApiRequest(method, target, Map.of(), headers, body, authenticated);
    }

    /**
     * @param name a header name
     * @param value its value; null removes the header
     * @return a copy with the header set, replacing any earlier value of that name
     */
    public ApiRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((key, old) -> {
            if (!key.equalsIgnoreCase(name)) {
                copy.put(key, old);
            }
        });
        if (value != null) {
            copy.put(name, value);
        }
        return new ApiRequest(method, target, query, Collections.unmodifiableMap(copy), body, authenticated);
    }

    /**
     * @param body the body's bytes, or null for none
     * @param contentType its media type, set as the {@code Content-Type} header
     * @return a copy with that body
     */
    public ApiRequest withBody(byte[] body, String contentType) {
        ApiRequest withType = withHeader("Content-Type", contentType);
        return new ApiRequest(
                method, target, query, withType.headers, body == null ? null : body.clone(), authenticated);
    }

    /**
     * @param json a JSON document
     * @return a copy with that JSON body ({@code application/json})
     */
    public ApiRequest withJsonBody(String json) {
        return withBody(json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /**
     * @param value anything Jackson can write: a map, a record, a {@code JsonNode}...
     * @return a copy with that value as a JSON body ({@code application/json})
     * @throws IllegalArgumentException when Jackson cannot write the value
     */
    public ApiRequest withJson(Object value) {
        try {
            return withBody(Json.mapper().writeValueAsBytes(value), "application/json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot write a " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param fields form fields, in order
     * @return a copy with a form body ({@code application/x-www-form-urlencoded})
     */
    public ApiRequest withFormBody(Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return withBody(form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    /** @return a copy the client sends without asking the authenticator (for logins and token calls) */
    public ApiRequest unauthenticated() {
        return new ApiRequest(method, target, query, headers, body, false);
    }

    /**
     * @param base the client's base URL, or null
     * @return the absolute URL with the query string
     */
    public String url(String base) {
        String url = resolve(base, target);
        if (query.isEmpty()) {
            return url;
        }
        List<String> pairs = new ArrayList<>();
        query.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
        return url + (url.contains("?") ? "&" : "?") + String.join("&", pairs);
    }

    private static String resolve(String base, String target) {
        if (target.startsWith("http://") || target.startsWith("https://") || base == null || base.isEmpty()) {
            return target;
        }
        String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        if (target.isEmpty()) {
            return left;
        }
        return left + (target.startsWith("/") ? target : "/" + target);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiRequest that
                && method.equals(that.method)
                && target.equals(that.target)
                && query.equals(that.query)
                && headers.equals(that.headers)
                && java.util.Arrays.equals(body, that.body)
                && authenticated == that.authenticated;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, target, query, headers, java.util.Arrays.hashCode(body));
    }

    /** Method and target only: query values and headers may hold secrets. */
    @Override
    public String toString() {
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question) + "?…";
        return method + " " + path + (query.isEmpty() ? "" : " " + query.keySet());
    }
}
