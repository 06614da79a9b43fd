package dev.sluice.toolkit.ssh;

import dev.sluice.toolkit.ToolkitException;

/**
 * An SSH tunnel cannot be opened; the message names the bastion ({@code host:port}), the user
 * and what to do. Never holds a password, passphrase or private key.
 */
public class SshTunnelException extends ToolkitException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed and what to do */
    public SshTunnelException(String message) {
        super(message);
    }

    /**
     * @param message what failed and what to do
     * @param cause the SSH library's exception
     */
    public SshTunnelException(String message, Throwable cause) {
        super(message, cause);
    }
}
