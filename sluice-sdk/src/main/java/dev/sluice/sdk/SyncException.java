package dev.sluice.sdk;

/**
 * A sync cannot go on: bad input from the connector or its project (a value that does not fit a
 * column, a missing key, an invalid schema, an unreadable file), or a failure of the
 * destination. The message names what is at fault and what to do about it.
 */
public class SyncException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do */
    public SyncException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and what to do
     * @param cause the underlying failure
     */
    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
