package dev.sluice.toolkit.http;

/**
 * No HTTP exchange was possible: the host could not be reached, refused the connection, timed
 * out or dropped it, on every attempt. The message names host and port.
 */
public class ConnectionFailedException extends HttpSourceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, without secrets
     * @param cause the last I/O failure
     */
    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
