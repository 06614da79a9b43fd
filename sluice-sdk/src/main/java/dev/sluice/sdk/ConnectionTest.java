package dev.sluice.sdk;

/** A named setup test of a {@link ConfigurationForm}, such as "can we log in?". */
@FunctionalInterface
public interface ConnectionTest {

    /**
     * Runs the test. An exception counts as a failure whose message is the exception's.
     *
     * @param configuration the configuration under test
     * @return success, or a failure with a message for the user
     * @throws Exception counted as a failure
     */
    TestResult run(Configuration configuration) throws Exception;
}
