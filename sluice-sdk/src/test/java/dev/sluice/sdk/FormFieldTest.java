package dev.sluice.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormFieldTest {

    @Test
    void textField() {
        FormField field = FormField.text("host", "Host");

        assertThat(field.name()).isEqualTo("host");
        assertThat(field.label()).isEqualTo("Host");
        assertThat(field.kind()).isEqualTo(FormField.Kind.TEXT);
        assertThat(field.options()).isEmpty();
        assertThat(field.isRequired()).isFalse();
        assertThat(field.description()).isNull();
        assertThat(field.placeholder()).isNull();
        assertThat(field.defaultValue()).isNull();
        assertThat(field).hasToString("TEXT host");
    }

    @Test
    void passwordField() {
        FormField field = FormField.password("api_key", "API key");

        assertThat(field.kind()).isEqualTo(FormField.Kind.PASSWORD);
        assertThat(field.name()).isEqualTo("api_key");
        assertThat(field.options()).isEmpty();
    }

    @Test
    void toggleField() {
        FormField field = FormField.toggle("verbose", "Verbose logging");

        assertThat(field.kind()).isEqualTo(FormField.Kind.TOGGLE);
        assertThat(field.options()).isEmpty();
    }

    @Test
    void dropdownOfValuesUsesEachValueAsItsLabel() {
        FormField field = FormField.dropdown("region", "Region", "eu", "us");

        assertThat(field.kind()).isEqualTo(FormField.Kind.DROPDOWN);
        assertThat(field.options())
                .containsExactly(new FormField.Option("eu", "eu", null), new FormField.Option("us", "us", null));
    }

    @Test
    void dropdownOfOptionsKeepsLabelsAndDescriptions() {
        FormField.Option eu = new FormField.Option("eu", "Europe", "Frankfurt");
        List<FormField.Option> options = new java.util.ArrayList<>(List.of(eu));
        FormField field = FormField.dropdown("region", "Region", options);

        options.add(FormField.Option.of("us"));

        assertThat(field.options()).containsExactly(eu);
        assertThat(field.options().get(0).label()).isEqualTo("Europe");
        assertThat(field.options().get(0).description()).isEqualTo("Frankfurt");
        assertThatThrownBy(() -> field.options().add(eu)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aDropdownNeedsAnOption() {
        assertThatThrownBy(() -> FormField.dropdown("region", "Region"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'region'")
                .hasMessageContaining("no option");
        assertThatThrownBy(() -> FormField.dropdown("region", "Region", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'region'");
        assertThatThrownBy(() -> FormField.dropdown("region", "Region", (List<FormField.Option>) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'region'");
    }

    @Test
    void anOptionNeedsAValue() {
        assertThatThrownBy(() -> FormField.Option.of(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty value");
        assertThatThrownBy(() -> new FormField.Option(null, "label", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty value");
        assertThatThrownBy(() -> FormField.dropdown("region", "Region", "eu", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty value");
    }

    @Test
    void aFieldNeedsAName() {
        assertThatThrownBy(() -> FormField.text("", "Label"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty name");
        assertThatThrownBy(() -> FormField.password(null, "Label"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty name");
        assertThatThrownBy(() -> FormField.toggle(" ", "Label"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty name");
        assertThatThrownBy(() -> FormField.dropdown("", "Label", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty name");
    }

    @Test
    void aMissingLabelIsTheName() {
        assertThat(FormField.text("host", null).label()).isEqualTo("host");
        assertThat(FormField.text("host", " ").label()).isEqualTo("host");
    }

    @Test
    void requiredDescriptionPlaceholderAndDefaultReturnChangedCopies() {
        FormField plain = FormField.dropdown("region", "Region", "eu", "us");

        FormField required = plain.required();
        FormField described = required.description("Where the data lives");
        FormField withPlaceholder = described.placeholder("eu");
        FormField full = withPlaceholder.defaultValue("us");

        assertThat(plain.isRequired()).isFalse();
        assertThat(plain.description()).isNull();
        assertThat(required).isNotSameAs(plain);
        assertThat(required.isRequired()).isTrue();
        assertThat(required.description()).isNull();
        assertThat(described.description()).isEqualTo("Where the data lives");
        assertThat(described.placeholder()).isNull();
        assertThat(withPlaceholder.placeholder()).isEqualTo("eu");
        assertThat(withPlaceholder.defaultValue()).isNull();
        assertThat(full.defaultValue()).isEqualTo("us");
        // every copy keeps what came before
        assertThat(full.name()).isEqualTo("region");
        assertThat(full.label()).isEqualTo("Region");
        assertThat(full.kind()).isEqualTo(FormField.Kind.DROPDOWN);
        assertThat(full.options()).isEqualTo(plain.options());
        assertThat(full.isRequired()).isTrue();
        assertThat(full.description()).isEqualTo("Where the data lives");
        assertThat(full.placeholder()).isEqualTo("eu");
        // and the order of the calls does not matter
        assertThat(plain.defaultValue("us")
                        .placeholder("eu")
                        .description("Where the data lives")
                        .required())
                .isEqualTo(full);
    }

    @Test
    void equalityCoversEveryAttribute() {
        FormField field = FormField.text("host", "Host")
                .required()
                .description("d")
                .placeholder("p")
                .defaultValue("v");

        assertThat(field)
                .isEqualTo(FormField.text("host", "Host")
                        .required()
                        .description("d")
                        .placeholder("p")
                        .defaultValue("v"))
                .hasSameHashCodeAs(FormField.text("host", "Host")
                        .required()
                        .description("d")
                        .placeholder("p")
                        .defaultValue("v"));
        assertThat(field)
                .isNotEqualTo(FormField.password("host", "Host")
                        .required()
                        .description("d")
                        .placeholder("p")
                        .defaultValue("v"));
        assertThat(field).isNotEqualTo(FormField.text("host", "Host"));
        assertThat(field).isNotEqualTo(field.defaultValue("w"));
        assertThat(field)
                .isNotEqualTo(FormField.text("host", "Other")
                        .required()
                        .description("d")
                        .placeholder("p")
                        .defaultValue("v"));
    }
}
