package dev.sluice.cli;

/**
 * A command cannot go on for a reason the user can fix. The message names the file, folder or
 * value at fault and what to do; the CLI prints it in one line, without a stack trace, and exits
 * with code 1.
 */
public class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do */
    public CliException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and what to do
     * @param cause the underlying failure, shown with {@code --verbose}
     */
    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
