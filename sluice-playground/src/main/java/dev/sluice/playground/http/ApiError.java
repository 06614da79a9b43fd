package dev.sluice.playground.http;

import java.util.Map;

/**
 * A request the playground refuses: becomes a JSON response {@code {"error": message}} (plus
 * {@code extra} fields) with the given status.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, Object> extra;
    private final transient Map<String, String> headers;

    ApiError(int status, String message) {
        this(status, message, Map.of(), Map.of());
    }

    ApiError(int status, String message, Map<String, Object> extra, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.extra = extra;
        this.headers = headers;
    }

    static ApiError badRequest(String parameter, String problem) {
        return new ApiError(400, "invalid parameter '" + parameter + "': " + problem);
    }

    static ApiError unauthorized(String message) {
        return new ApiError(401, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return fields added to the JSON body besides {@code error} */
    public Map<String, Object> extra() {
        return extra;
    }

    /** @return response headers to set */
    public Map<String, String> headers() {
        return headers;
    }
}
