package dev.sluice.sdk;

/**
 * The outcome of a connection test: success, or a failure with a message for the user.
 *
 * @param passed whether the test passed
 * @param message why it failed; null when it passed
 */
public record TestResult(boolean passed, String message) {

    private static final TestResult SUCCESS = new TestResult(true, null);

    /** @return a passed test */
    public static TestResult success() {
        return SUCCESS;
    }

    /**
     * @param message what failed and what to check, never a secret
     * @return a failed test
     */
    public static TestResult failure(String message) {
        return new TestResult(false, message == null || message.isBlank() ? "test failed" : message);
    }
}
