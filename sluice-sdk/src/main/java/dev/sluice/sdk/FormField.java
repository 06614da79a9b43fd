package dev.sluice.sdk;

import java.util.List;
import java.util.Objects;

/**
 * One field of a {@link ConfigurationForm}: a text, password, dropdown or toggle input whose value
 * arrives in the {@link Configuration} under {@link #name()} (toggles as {@code "true"} or
 * {@code "false"}). Immutable: the {@code with}-style methods return changed copies.
 */
public final class FormField {

    /** The kind of input a field shows. */
    public enum Kind {
        /** A single line of plain text. */
        TEXT,
        /** Text shown masked; the value is a secret. */
        PASSWORD,
        /** A choice among fixed options. */
        DROPDOWN,
        /** A yes/no switch. */
        TOGGLE
    }

    /**
     * An option of a dropdown: the stored value, a label to show and an optional description.
     *
     * @param value the value stored in the configuration when this option is chosen
     * @param label the text shown for the option
     * @param description a longer explanation shown with the option, or null
     */
    public record Option(String value, String label, String description) {
        /**
         * @param value the value stored in the configuration when this option is chosen
         * @param label the text shown for the option
         * @param description a longer explanation shown with the option, or null
         * @throws IllegalArgumentException when the value is blank
         */
        public Option {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("A dropdown option has an empty value");
            }
        }

        /**
         * @param value the stored value, also shown as its label
         * @return the option
         */
        public static Option of(String value) {
            return new Option(value, value, null);
        }
    }

    private final String name;
    private final String label;
    private final Kind kind;
    private final List<Option> options;
    private final boolean required;
    private final String description;
    private final String placeholder;
    private final String defaultValue;

    private FormField(
            String name,
            String label,
            Kind kind,
            List<Option> options,
            boolean required,
            String description,
            String placeholder,
            String defaultValue) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A form field has an empty name");
        }
        this.name = name;
        this.label = label == null || label.isBlank() ? name : label;
        this.kind = kind;
        this.options = List.copyOf(options);
        this.required = required;
        this.description = description;
        this.placeholder = placeholder;
        this.defaultValue = defaultValue;
    }

    /**
     * @param name the configuration key
     * @param label the label shown
     * @return a plain text field
     */
    public static FormField text(String name, String label) {
        return new FormField(name, label, Kind.TEXT, List.of(), false, null, null, null);
    }

    /**
     * @param name the configuration key
     * @param label the label shown
     * @return a masked text field for a secret
     */
    public static FormField password(String name, String label) {
        return new FormField(name, label, Kind.PASSWORD, List.of(), false, null, null, null);
    }

    /**
     * @param name the configuration key
     * @param label the label shown
     * @param options the choices, at least one
     * @return a dropdown field
     * @throws IllegalArgumentException naming the field when there is no option
     */
    public static FormField dropdown(String name, String label, List<Option> options) {
        if (options == null || options.isEmpty()) {
            throw new IllegalArgumentException("Dropdown field '" + name + "' has no option: give at least one");
        }
        return new FormField(name, label, Kind.DROPDOWN, options, false, null, null, null);
    }

    /**
     * @param name the configuration key
     * @param label the label shown
     * @param values the choices, each its own label; at least one
     * @return a dropdown field
     */
    public static FormField dropdown(String name, String label, String... values) {
        return dropdown(
                name, label, java.util.Arrays.stream(values).map(Option::of).toList());
    }

    /**
     * @param name the configuration key
     * @param label the label shown
     * @return a toggle whose value is {@code "true"} or {@code "false"}
     */
    public static FormField toggle(String name, String label) {
        return new FormField(name, label, Kind.TOGGLE, List.of(), false, null, null, null);
    }

    /** @return a copy that must be filled in */
    public FormField required() {
        return new FormField(name, label, kind, options, true, description, placeholder, defaultValue);
    }

    /**
     * @param text help shown under the field
     * @return a copy with the description
     */
    public FormField description(String text) {
        return new FormField(name, label, kind, options, required, text, placeholder, defaultValue);
    }

    /**
     * @param text example shown in an empty field
     * @return a copy with the placeholder
     */
    public FormField placeholder(String text) {
        return new FormField(name, label, kind, options, required, description, text, defaultValue);
    }

    /**
     * @param value the value used when none is given
     * @return a copy with the default
     */
    public FormField defaultValue(String value) {
        return new FormField(name, label, kind, options, required, description, placeholder, value);
    }

    /** @return the configuration key */
    public String name() {
        return name;
    }

    /** @return the label shown */
    public String label() {
        return label;
    }

    /** @return the kind of input */
    public Kind kind() {
        return kind;
    }

    /** @return the dropdown options; empty for other kinds */
    public List<Option> options() {
        return options;
    }

    /** @return whether a value is required */
    public boolean isRequired() {
        return required;
    }

    /** @return the description, or null */
    public String description() {
        return description;
    }

    /** @return the placeholder, or null */
    public String placeholder() {
        return placeholder;
    }

    /** @return the default value, or null */
    public String defaultValue() {
        return defaultValue;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FormField f)) {
            return false;
        }
        return name.equals(f.name)
                && label.equals(f.label)
                && kind == f.kind
                && options.equals(f.options)
                && required == f.required
                && Objects.equals(description, f.description)
                && Objects.equals(placeholder, f.placeholder)
                && Objects.equals(defaultValue, f.defaultValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind);
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
