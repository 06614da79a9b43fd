package dev.sluice.toolkit.http;

/**
 * The API answered with a status that is not a success and is not worth retrying (most 4xx), or
 * kept answering a retriable status (5xx) until the retry budget ran out. The message holds the
 * method, the URL and a short excerpt of the body, secrets redacted.
 */
public class HttpStatusException extends HttpSourceException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param message what failed, without secrets
     * @param status the HTTP status of the last response
     */
    public HttpStatusException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status of the last response */
    public int status() {
        return status;
    }
}
