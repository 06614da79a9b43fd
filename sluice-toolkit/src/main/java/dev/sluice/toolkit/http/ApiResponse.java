package dev.sluice.toolkit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A response the client accepted (2xx), with its body read into memory. Immutable; its JSON is
 * parsed once, on first use.
 */
public final class ApiResponse {

    private final ApiRequest request;
    private final String url;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Redactor redactor;
    private volatile JsonNode json;

    ApiResponse(
            ApiRequest request,
            String url,
            int status,
            Map<String, List<String>> headers,
            byte[] body,
            Redactor redactor) {
        this.request = request;
        this.url = url;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.redactor = redactor;
    }

    /** @return the request that got this response (as the caller made it, before authentication) */
    public ApiRequest request() {
        return request;
    }

    /** @return the absolute URL that was called, secrets included: do not log it, use {@link #safeUrl()} */
    public String url() {
        return url;
    }

    /** @return the URL with its secrets masked, for messages and logs */
    public String safeUrl() {
        return redactor.redact(url);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /**
     * @param name a header name, any case
     * @return its first value, if present
     */
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /**
     * @param name a header name, any case
     * @return all its values, in order
     */
    public List<String> headers(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return List.of();
    }

    /** @return the body as text, in the charset of its content type (UTF-8 by default) */
    public String text() {
        return new String(body, charset());
    }

    /** @return the body's bytes */
    public byte[] bytes() {
        return body.clone();
    }

    /**
     * @return the body as JSON
     * @throws UnexpectedResponseException naming the URL, content type and an excerpt when the
     *     body is not JSON
     */
    public JsonNode json() {
        JsonNode parsed = json;
        if (parsed == null) {
            parsed = parse();
            json = parsed;
        }
        return parsed;
    }

    /**
     * @param type a class Jackson can map the body to
     * @param <T> the type
     * @return the body mapped to it
     * @throws UnexpectedResponseException when the body is not JSON or does not fit the type
     */
    public <T> T json(Class<T> type) {
        try {
            return Json.mapper().treeToValue(json(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnexpectedResponseException(
                    request.method() + " " + safeUrl() + " answered JSON that does not fit " + type.getSimpleName()
                            + ": " + redactor.redact(e.getMessage()));
        }
    }

    private JsonNode parse() {
        String contentType = header("Content-Type").orElse("no content type");
        try {
            if (body.length == 0) {
                throw new UnexpectedResponseException(request.method() + " " + safeUrl() + " answered " + status
                        + " with an empty body where JSON was expected");
            }
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnexpectedResponseException(
                    request.method() + " " + safeUrl() + " answered " + status
                            + " with " + contentType + " that is not JSON where JSON was expected: '"
                            + redactor.excerpt(text(), 200) + "'. Check the URL: it may point at a web page or a proxy",
                    e);
        } catch (java.io.IOException e) {
            throw new UnexpectedResponseException("Cannot read the body of " + safeUrl() + ": " + e.getMessage(), e);
        }
    }

    private Charset charset() {
        String contentType = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int at = contentType.indexOf("charset=");
        if (at >= 0) {
            String name = contentType.substring(at + 8).split("[;\\s]")[0].replace("\"", "");
            try {
                return Charset.forName(name);
            } catch (RuntimeException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    @Override
    public String toString() {
        return status + " from " + safeUrl();
    }
}
