package dev.sluice.toolkit.http;

import dev.sluice.toolkit.ToolkitException;

/**
 * A request to an HTTP API failed for good (after any retries). Subclasses tell why; every
 * message names the request's method and URL with its secrets redacted.
 */
public class HttpSourceException extends ToolkitException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed and what to do, without secrets */
    public HttpSourceException(String message) {
        super(message);
    }

    /**
     * @param message what failed and what to do, without secrets
     * @param cause the underlying failure
     */
    public HttpSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
