package dev.sluice.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationFormTest {

    private static ConfigurationForm form() {
        return ConfigurationForm.builder()
                .field(FormField.text("host", "Host").required())
                .field(FormField.password("api_key", "API key").required())
                .field(FormField.dropdown("region", "Region", "eu", "us")
                        .required()
                        .defaultValue("eu"))
                .field(FormField.toggle("verbose", "Verbose logging"))
                .test("connect", "Connecting to the API", configuration -> TestResult.success())
                .test(
                        "login",
                        "Logging in",
                        configuration -> configuration.require("api_key").equals("good")
                                ? TestResult.success()
                                : TestResult.failure("The API key was refused"))
                .build();
    }

    @Test
    void keepsFieldsAndTestsInOrder() {
        ConfigurationForm form = form();

        assertThat(form.fields()).extracting(FormField::name).containsExactly("host", "api_key", "region", "verbose");
        assertThat(form.fields())
                .extracting(FormField::kind)
                .containsExactly(
                        FormField.Kind.TEXT, FormField.Kind.PASSWORD, FormField.Kind.DROPDOWN, FormField.Kind.TOGGLE);
        assertThat(form.field("api_key").kind()).isEqualTo(FormField.Kind.PASSWORD);
        assertThat(form.field("absent")).isNull();
        assertThat(form.tests()).extracting(ConfigurationForm.NamedTest::name).containsExactly("connect", "login");
        assertThat(form.tests())
                .extracting(ConfigurationForm.NamedTest::label)
                .containsExactly("Connecting to the API", "Logging in");
    }

    @Test
    void isImmutable() {
        ConfigurationForm form = form();

        assertThatThrownBy(() -> form.fields().add(FormField.text("x", "X")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> form.tests().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theBuilderCanGoOnWithoutChangingABuiltForm() {
        ConfigurationForm.Builder builder = ConfigurationForm.builder().field(FormField.text("a", "A"));
        ConfigurationForm first = builder.build();

        builder.field(FormField.text("b", "B")).test("t", "T", configuration -> TestResult.success());

        assertThat(first.fields()).extracting(FormField::name).containsExactly("a");
        assertThat(first.field("b")).isNull();
        assertThat(first.tests()).isEmpty();
    }

    @Test
    void emptyHasNoFieldsOrTests() {
        assertThat(ConfigurationForm.empty().fields()).isEmpty();
        assertThat(ConfigurationForm.empty().tests()).isEmpty();
        assertThat(ConfigurationForm.empty().missingRequiredFields(Configuration.empty()))
                .isEmpty();
        assertThat(ConfigurationForm.builder().build().fields()).isEmpty();
    }

    @Test
    void aDuplicateFieldNameIsRejected() {
        ConfigurationForm.Builder builder = ConfigurationForm.builder().field(FormField.text("host", "Host"));

        assertThatThrownBy(() -> builder.field(FormField.password("host", "Other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'host'")
                .hasMessageContaining("defined twice");
    }

    @Test
    void aDuplicateOrEmptyTestNameIsRejected() {
        ConfigurationForm.Builder builder =
                ConfigurationForm.builder().test("connect", "Connect", configuration -> TestResult.success());

        assertThatThrownBy(() -> builder.test("connect", "Again", configuration -> TestResult.success()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'connect'")
                .hasMessageContaining("defined twice");
        assertThatThrownBy(() -> builder.test(" ", "Blank", configuration -> TestResult.success()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty name");
        assertThatThrownBy(() -> builder.test(null, "Null", configuration -> TestResult.success()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty name");
    }

    @Test
    void aTestWithoutALabelIsLabelledByItsName() {
        ConfigurationForm form = ConfigurationForm.builder()
                .test("ping", null, configuration -> TestResult.success())
                .build();

        assertThat(form.tests().get(0).label()).isEqualTo("ping");
    }

    @Test
    void runTestPassesTheConfigurationAndReturnsSuccess() {
        List<Configuration> seen = new ArrayList<>();
        Configuration configuration = Configuration.of(Map.of("api_key", "good"));
        ConfigurationForm form = ConfigurationForm.builder()
                .test("spy", "Spy", c -> {
                    seen.add(c);
                    return TestResult.success();
                })
                .build();

        assertThat(form.runTest("spy", configuration)).isEqualTo(TestResult.success());
        assertThat(seen).containsExactly(configuration);
        assertThat(form().runTest("login", configuration).passed()).isTrue();
    }

    @Test
    void runTestReturnsAFailure() {
        TestResult result = form().runTest("login", Configuration.of(Map.of("api_key", "bad")));

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo("The API key was refused");
    }

    @Test
    void anExceptionBecomesAFailureWithItsMessage() {
        ConfigurationForm form = ConfigurationForm.builder()
                .test("checked", "Checked", configuration -> {
                    throw new java.io.IOException("Connection refused: db.internal:5432");
                })
                .test("unchecked", "Unchecked", configuration -> {
                    throw new IllegalStateException();
                })
                .build();

        assertThat(form.runTest("checked", Configuration.empty()))
                .isEqualTo(TestResult.failure("Connection refused: db.internal:5432"));
        assertThat(form.runTest("unchecked", Configuration.empty()))
                .isEqualTo(TestResult.failure("IllegalStateException"));
        // a missing configuration key, from require, is a failure naming the key
        TestResult missingKey = form().runTest("login", Configuration.empty());
        assertThat(missingKey.passed()).isFalse();
        assertThat(missingKey.message()).contains("'api_key'");
    }

    @Test
    void aTestReturningNullFails() {
        ConfigurationForm form = ConfigurationForm.builder()
                .test("lazy", "Lazy", configuration -> null)
                .build();

        TestResult result = form.runTest("lazy", Configuration.empty());

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("'lazy'", "no result");
    }

    @Test
    void anUnknownTestListsTheKnownOnes() {
        assertThatThrownBy(() -> form().runTest("pingg", Configuration.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pingg'")
                .hasMessageContaining("[connect, login]");
    }

    @Test
    void missingRequiredFieldsListsRequiredFieldsWithoutAValueOrDefault() {
        ConfigurationForm form = form();

        assertThat(form.missingRequiredFields(Configuration.empty()))
                .as("region has a default; verbose is optional")
                .containsExactly("host", "api_key");
        assertThat(form.missingRequiredFields(Configuration.of(Map.of("host", " ", "api_key", "k"))))
                .as("blank counts as missing")
                .containsExactly("host");
        assertThat(form.missingRequiredFields(Configuration.of(Map.of("host", "h", "api_key", "k"))))
                .isEmpty();
    }

    @Test
    void withDefaultsFillsOnlyTheKeysTheConfigurationLeavesOut() {
        ConfigurationForm form = ConfigurationForm.builder()
                .field(FormField.dropdown("auth", "Auth", "header", "query").defaultValue("header"))
                .field(FormField.text("page_size", "Page size").defaultValue("50"))
                .field(FormField.text("host", "Host").defaultValue("localhost"))
                .field(FormField.toggle("verbose", "Verbose"))
                .build();

        Configuration filled = form.withDefaults(Configuration.of(Map.of("host", "api.example.com", "extra", "x")));

        assertThat(filled.asMap())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("host", "api.example.com", "extra", "x", "auth", "header", "page_size", "50"));
        assertThat(form.withDefaults(Configuration.of(Map.of("auth", ""))).get("auth"))
                .isEmpty();
        assertThat(ConfigurationForm.empty()
                        .withDefaults(Configuration.of(Map.of("a", "1")))
                        .asMap())
                .isEqualTo(Map.of("a", "1"));
    }
}
