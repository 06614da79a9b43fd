package dev.sluice.toolkit;

import dev.sluice.sdk.SyncException;

/**
 * The root of every failure the toolkit reports: unchecked, with a message that names what is at
 * fault (a URL without its secrets, a status, a page, a state key) and what to do. A connector can
 * let it propagate: the sync then fails with that message and state stays at the last checkpoint.
 * Messages never contain secrets.
 */
public class ToolkitException extends SyncException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do */
    public ToolkitException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and what to do
     * @param cause the underlying failure
     */
    public ToolkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
