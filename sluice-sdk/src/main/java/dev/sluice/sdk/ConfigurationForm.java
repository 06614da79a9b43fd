package dev.sluice.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The setup form of a connector: its fields and its named connection tests. Immutable; build one
 * with {@link #builder()}:
 *
 * <pre>{@code
 * ConfigurationForm.builder()
 *     .field(FormField.text("host", "Host").required())
 *     .field(FormField.password("api_key", "API key").required())
 *     .field(FormField.dropdown("region", "Region", "eu", "us"))
 *     .field(FormField.toggle("verbose", "Verbose logging"))
 *     .test("connect", "Connecting to the API", cfg -> TestResult.success())
 *     .build();
 * }</pre>
 */
public final class ConfigurationForm {

    private static final ConfigurationForm EMPTY = new ConfigurationForm(List.of(), Map.of(), Map.of());

    /** A named test with the label shown while it runs. */
    public record NamedTest(String name, String label, ConnectionTest test) {}

    private final List<FormField> fields;
    private final Map<String, NamedTest> tests;
    private final Map<String, FormField> fieldsByName;

    private ConfigurationForm(
            List<FormField> fields, Map<String, NamedTest> tests, Map<String, FormField> fieldsByName) {
        this.fields = fields;
        this.tests = tests;
        this.fieldsByName = fieldsByName;
    }

    /** @return a form without fields or tests */
    public static ConfigurationForm empty() {
        return EMPTY;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the fields in order */
    public List<FormField> fields() {
        return fields;
    }

    /**
     * @param name a configuration key
     * @return the field, or null
     */
    public FormField field(String name) {
        return fieldsByName.get(name);
    }

    /**
     * Fills in the form's defaults: every field with a {@link FormField#defaultValue(String) default
     * value} whose key the configuration leaves out gets that value. Keys the configuration sets,
     * even to an empty string, keep their value; keys the form does not know are kept as they are.
     *
     * @param configuration the configuration as given (e.g. read from {@code configuration.json})
     * @return the configuration with the defaults of the keys it leaves out; {@code configuration}
     *     itself when there is nothing to add
     */
    public Configuration withDefaults(Configuration configuration) {
        Map<String, String> values = new LinkedHashMap<>(configuration.asMap());
        boolean added = false;
        for (FormField field : fields) {
            if (field.defaultValue() != null && !values.containsKey(field.name())) {
                values.put(field.name(), field.defaultValue());
                added = true;
            }
        }
        return added ? Configuration.of(values, configuration.source()) : configuration;
    }

    /** @return the tests in order */
    public List<NamedTest> tests() {
        return List.copyOf(tests.values());
    }

    /**
     * Runs one test; an exception it throws becomes a failure with the exception's message.
     *
     * @param name the test's name
     * @param configuration the configuration under test
     * @return the result
     * @throws IllegalArgumentException listing the known tests when {@code name} is unknown
     */
    public TestResult runTest(String name, Configuration configuration) {
        NamedTest test = tests.get(name);
        if (test == null) {
            throw new IllegalArgumentException(
                    "No connection test named '" + name + "'; the form has " + tests.keySet());
        }
        try {
            TestResult result = test.test().run(configuration);
            return result == null ? TestResult.failure("test '" + name + "' returned no result") : result;
        } catch (Exception e) {
            return TestResult.failure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Lists required fields that the configuration lacks.
     *
     * @param configuration a configuration
     * @return the names of required fields that are missing or blank
     */
    public List<String> missingRequiredFields(Configuration configuration) {
        List<String> missing = new ArrayList<>();
        for (FormField field : fields) {
            String value = configuration.get(field.name());
            if (field.isRequired() && (value == null || value.isBlank()) && field.defaultValue() == null) {
                missing.add(field.name());
            }
        }
        return missing;
    }

    /** Collects fields and tests; names must be unique. Not thread-safe. */
    public static final class Builder {
        private final List<FormField> fields = new ArrayList<>();
        private final Map<String, FormField> byName = new LinkedHashMap<>();
        private final Map<String, NamedTest> tests = new LinkedHashMap<>();

        private Builder() {}

        /**
         * @param field a field whose name no other field has
         * @return this builder
         * @throws IllegalArgumentException naming the field when its name is taken
         */
        public Builder field(FormField field) {
            if (byName.putIfAbsent(field.name(), field) != null) {
                throw new IllegalArgumentException("Form field '" + field.name() + "' is defined twice");
            }
            fields.add(field);
            return this;
        }

        /**
         * @param name the test's unique name
         * @param label what the test does, shown while it runs
         * @param test the test
         * @return this builder
         * @throws IllegalArgumentException when the name is blank or taken
         */
        public Builder test(String name, String label, ConnectionTest test) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A connection test has an empty name");
            }
            if (tests.putIfAbsent(name, new NamedTest(name, label == null ? name : label, test)) != null) {
                throw new IllegalArgumentException("Connection test '" + name + "' is defined twice");
            }
            return this;
        }

        /** @return the form */
        public ConfigurationForm build() {
            return new ConfigurationForm(
                    List.copyOf(fields), Collections.unmodifiableMap(new LinkedHashMap<>(tests)), Map.copyOf(byName));
        }
    }
}
