package dev.sluice.protocol.drive;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.TestResult;
import fivetran_sdk.v2.ConfigurationFormRequest;
import fivetran_sdk.v2.ConfigurationFormResponse;
import fivetran_sdk.v2.ConfigurationTest;
import fivetran_sdk.v2.TestRequest;
import fivetran_sdk.v2.TestResponse;
import java.util.function.Consumer;

/** A server's setup tests: the list from {@code ConfigurationForm}, each run with {@code Test}. Thread-safe. */
final class SetupTests {

    private final ServerChannel server;

    SetupTests(ServerChannel server) {
        this.server = server;
    }

    /** As {@link RemoteConnector#runSetupTests}. */
    void runAll(Configuration configuration, Consumer<String> report) {
        ConfigurationFormResponse form = server.unary(
                "ConfigurationForm", stub -> stub.configurationForm(ConfigurationFormRequest.getDefaultInstance()));
        for (ConfigurationTest test : form.getTestsList()) {
            TestResult result = run(test.getName(), configuration);
            String label = test.getLabel().isBlank() ? test.getName() : test.getLabel();
            if (!result.passed()) {
                report.accept("[" + label + "]: FAILED: " + result.message());
                throw new SyncException("Setup test '" + label + "' failed: " + result.message()
                        + ". Fix the configuration (or the source) and run again");
            }
            report.accept("[" + label + "]: PASSED");
        }
    }

    /** As {@link RemoteConnector#test}. */
    TestResult run(String name, Configuration configuration) {
        TestResponse response = server.unary(
                "Test",
                stub -> stub.test(TestRequest.newBuilder()
                        .setName(name)
                        .putAllConfiguration(configuration.asMap())
                        .build()));
        return switch (response.getResponseCase()) {
            case SUCCESS ->
                response.getSuccess() ? TestResult.success() : TestResult.failure("the test reported no success");
            case FAILURE -> TestResult.failure(response.getFailure());
            default -> TestResult.failure("the server answered Test '" + name + "' with neither success nor failure");
        };
    }
}
