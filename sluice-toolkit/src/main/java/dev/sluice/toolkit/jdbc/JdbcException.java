package dev.sluice.toolkit.jdbc;

import dev.sluice.toolkit.ToolkitException;

/**
 * A database read failed or cannot start; the message names the server, table, column or user at
 * fault and what to do. Never holds a password.
 */
public class JdbcException extends ToolkitException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed and what to do */
    public JdbcException(String message) {
        super(message);
    }

    /**
     * @param message what failed and what to do
     * @param cause the driver's exception
     */
    public JdbcException(String message, Throwable cause) {
        super(message, cause);
    }
}
