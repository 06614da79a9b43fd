package dev.sluice.server.internal.http;

/**
 * A request the API refuses: becomes {@code {"error": message}} (and {@code "field"} when one field is
 * at fault) with the status. Messages never hold a secret.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    ApiError(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static ApiError badRequest(String field, String message) {
        return new ApiError(400, message, field);
    }

    static ApiError unauthorized(String message) {
        return new ApiError(401, message, null);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message, null);
    }

    static ApiError conflict(String message) {
        return new ApiError(409, message, null);
    }

    int status() {
        return status;
    }

    /** @return the field at fault, or null */
    String field() {
        return field;
    }
}
