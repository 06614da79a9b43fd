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
import dev.sluice.testkit.ConnectorContractTest;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ExpectedSync;
import dev.sluice.testkit.OperationCounts;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The setup form and its connection test, then an incremental sync with the key the form collects:
 * the second sync reads only the new and updated users.
 */
class SetupFormConnectorTest extends ConnectorContractTest {

    private static final String KEY = "sluice-playground-key";
    private static final String WRONG_KEY = "wrong-key-4f9a";

    private final ConfigurationForm form = new SetupFormConnector().configurationForm();

    @AutoClose
    private final Playground playground = Playground.start(PlaygroundOptions.defaults());

    private List<User> usersBeforeChange;

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(SetupFormConnector::new).configuration(syncConfiguration("header"));
    }

    @Override
    protected ExpectedSync firstSync() {
        List<User> users = playground.snapshot().users();
        return ExpectedSync.expect()
                .checkpoints(8) // 8 pages of 25
                .operations(OperationCounts.onlyUpserts(200))
                .keys("users", "id", ids(users))
                .rows("users", "id", rows(users));
    }

    @Override
    protected void changeSource() {
        usersBeforeChange = playground.snapshot().users();
        playground.advance(1);
    }

    @Override
    protected ExpectedSync secondSync() {
        List<User> now = playground.snapshot().users();
        List<String> changed = now.stream()
                .filter(user -> !usersBeforeChange.contains(user))
                .map(User::id)
                .toList();
        Set<String> everSeen = new TreeSet<>(ids(usersBeforeChange));
        everSeen.addAll(ids(now));
        return ExpectedSync.expect()
                .checkpoints(1) // the changed users fit in one page
                .operations(OperationCounts.onlyUpserts(9)) // 4 new users and 5 updated ones
                .written("users", "id", changed)
                .keys("users", "id", everSeen) // users deleted at the source stay
                .rows("users", "id", rows(now));
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

    @Test
    void syncsAsWellWithTheKeyInTheQuery() {
        try (ConnectorTester query =
                ConnectorTester.of(SetupFormConnector::new).configuration(syncConfiguration("query"))) {
            query.sync().assertSucceeded();

            firstSync().assertMetBy(query);
            query.assertResumesFromEveryCheckpoint();
        }
    }

    @Test
    void aSyncWithAWrongKeyFailsWithoutShowingIt() {
        try (ConnectorTester wrong = ConnectorTester.of(SetupFormConnector::new)
                .configuration(configuration(playground.baseUrl(), WRONG_KEY, "query"))) {
            assertThat(wrong.sync().assertFailed().failureMessage())
                    .contains("401")
                    .doesNotContain(WRONG_KEY);
        }
    }

    private static Map<String, String> configuration(String baseUrl, String key, String authStyle) {
        return Map.of("base_url", baseUrl, "api_key", key, "auth_style", authStyle, "verbose", "true");
    }

    private Map<String, String> syncConfiguration(String authStyle) {
        Map<String, String> configuration = new HashMap<>(configuration(playground.baseUrl(), KEY, authStyle));
        configuration.put("page_size", "25");
        return configuration;
    }

    private static List<String> ids(List<User> users) {
        return users.stream().map(User::id).toList();
    }

    private static List<Map<String, Object>> rows(List<User> users) {
        return users.stream()
                .<Map<String, Object>>map(
                        user -> Map.of("id", user.id(), "email", user.email(), "address", user.address()))
                .toList();
    }
}
