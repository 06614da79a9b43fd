package dev.sluice.server;

/**
 * The server cannot start for a reason its operator can fix; the message names the file, variable or
 * option at fault and what to do, and never holds a secret.
 */
public class ServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do */
    public ServerStartException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and what to do
     * @param cause the underlying failure
     */
    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
