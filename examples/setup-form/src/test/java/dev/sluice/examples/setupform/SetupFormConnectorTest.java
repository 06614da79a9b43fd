package dev.sluice.examples.setupform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.User;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.ConfigurationForm;
import dev.sluice.sdk.FormField;
import dev.sluice.sdk.FormField.Kind;
import dev.sluice.sdk.TestResult;
import dev.sluice.testkit.ConnectorTester;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetupFormConnectorTest {

    private static final String KEY = "sluice-playground-key";
    private static final String WRONG_KEY = "wrong-key-4f9a";

    private final ConfigurationForm form = new SetupFormConnector().configurationForm();
    private Playground playground;

    @BeforeEach
    void startPlayground() {
        playground = Playground.start(PlaygroundOptions.defaults());
    }

    @AfterEach
    void stopPlayground() {
        playground.close();
    }

    @Test
    void theFormAsksForTheUrlTheKeyTheAuthStyleAndVerbosity() {
        assertThat(form.fields())
                .extracting(FormField::name, FormField::kind, FormField::isRequired)
                .containsExactly(
                        tuple("base_url", Kind.TEXT, true),
                        tuple("api_key", Kind.PASSWORD, true),
                        tuple("auth_style", Kind.DROPDOWN, false),
                        tuple("verbose", Kind.TOGGLE, false));
        assertThat(form.field("auth_style").options())
                .extracting(FormField.Option::value)
                .containsExactly("header", "query");
        assertThat(form.field("auth_style").defaultValue()).isEqualTo("header");
        assertThat(form.field("verbose").defaultValue()).isEqualTo("false");
        assertThat(form.tests())
                .extracting(ConfigurationForm.NamedTest::name, ConfigurationForm.NamedTest::label)
                .containsExactly(tuple("connect", "Connect to the API"));
        assertThat(form.missingRequiredFields(Configuration.of(Map.of("base_url", playground.baseUrl()))))
                .containsExactly("api_key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"header", "query"})
    void theConnectionTestPassesWithTheRightKey(String authStyle) {
        TestResult result =
                form.runTest("connect", Configuration.of(configuration(playground.baseUrl(), KEY, authStyle)));

        assertThat(result).isEqualTo(TestResult.success());
    }

    @ParameterizedTest
    @ValueSource(strings = {"header", "query"})
    void theConnectionTestNamesTheUrlAndStatusOfAWrongKeyButNotTheKey(String authStyle) {
        TestResult result =
                form.runTest("connect", Configuration.of(configuration(playground.baseUrl(), WRONG_KEY, authStyle)));

        assertThat(result.passed()).isFalse();
        assertThat(result.message())
                .contains(playground.baseUrl() + "/auth/api_key", "401", "check the credentials")
                .doesNotContain(WRONG_KEY);
    }

    @Test
    void theConnectionTestNamesAnUnreachableHost() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        TestResult result = form.runTest(
                "connect", Configuration.of(configuration("http://127.0.0.1:" + closedPort, KEY, "query")));

        assertThat(result.passed()).isFalse();
        assertThat(result.message())
                .contains("Cannot reach 127.0.0.1:" + closedPort)
                .doesNotContain(KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"header", "query"})
    void syncsEveryUserWithEitherAuthStyle(String authStyle) {
        Map<String, String> configuration = new HashMap<>(configuration(playground.baseUrl(), KEY, authStyle));
        configuration.put("page_size", "25");
        try (ConnectorTester tester =
                ConnectorTester.of(new SetupFormConnector()).configuration(configuration)) {
            assertThat(tester.sync().assertSucceeded().checkpoints()).isEqualTo(8);

            Map<Object, Map<String, Object>> rows =
                    tester.rows("users").stream().collect(Collectors.toMap(row -> row.get("id"), row -> row));
            List<User> users = playground.snapshot().users();
            assertThat(rows).hasSize(users.size());
            users.forEach(user -> assertThat(rows.get(user.id()))
                    .containsEntry("email", user.email())
                    .containsEntry("address", user.address()));
            tester.assertResumesFromEveryCheckpoint();
        }
    }

    @Test
    void aSyncWithAWrongKeyFailsWithoutShowingIt() {
        try (ConnectorTester tester = ConnectorTester.of(new SetupFormConnector())
                .configuration(configuration(playground.baseUrl(), WRONG_KEY, "query"))) {
            assertThat(tester.sync().assertFailed().failureMessage())
                    .contains("401")
                    .doesNotContain(WRONG_KEY);
        }
    }

    private static Map<String, String> configuration(String baseUrl, String key, String authStyle) {
        return Map.of("base_url", baseUrl, "api_key", key, "auth_style", authStyle, "verbose", "true");
    }
}
