package dev.sluice.toolkit.http;

/**
 * A successful response does not have the expected shape: a body that is not JSON where JSON
 * was expected, or a page whose records field is missing or not an array. The message names the
 * URL, what was expected and an excerpt of what came.
 */
public class UnexpectedResponseException extends HttpSourceException {

    private static final long serialVersionUID = 1L;

    /** @param message what was expected and what came, without secrets */
    public UnexpectedResponseException(String message) {
        super(message);
    }

    /**
     * @param message what was expected and what came, without secrets
     * @param cause the parse failure
     */
    public UnexpectedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
