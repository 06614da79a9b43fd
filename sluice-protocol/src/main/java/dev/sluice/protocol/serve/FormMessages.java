package dev.sluice.protocol.serve;

import dev.sluice.sdk.ConfigurationForm;
import dev.sluice.sdk.FormField;
import fivetran_sdk.v2.ConfigurationFormResponse;
import fivetran_sdk.v2.ConfigurationTest;
import fivetran_sdk.v2.DescriptiveDropDownField;
import fivetran_sdk.v2.DescriptiveDropDownFields;
import fivetran_sdk.v2.DropdownField;
import fivetran_sdk.v2.TextField;
import fivetran_sdk.v2.ToggleField;

/**
 * Converts a connector's {@link ConfigurationForm} to a {@code ConfigurationFormResponse}: text
 * fields as {@code PlainText}, passwords as {@code Password}, dropdowns as {@code dropdown_field}
 * (or {@code descriptive_dropdown_fields} when an option has its own label or a description),
 * toggles as {@code toggle_field}; the named tests as {@code ConfigurationTest}s. Table selection
 * is offered, schema selection not (a Sluice connector writes one schema).
 */
public final class FormMessages {

    private FormMessages() {}

    /**
     * @param form the connector's form
     * @return the response
     */
    public static ConfigurationFormResponse toProto(ConfigurationForm form) {
        ConfigurationFormResponse.Builder out = ConfigurationFormResponse.newBuilder()
                .setSchemaSelectionSupported(false)
                .setTableSelectionSupported(true);
        for (FormField field : form.fields()) {
            out.addFields(toProto(field));
        }
        for (ConfigurationForm.NamedTest test : form.tests()) {
            out.addTests(ConfigurationTest.newBuilder().setName(test.name()).setLabel(test.label()));
        }
        return out.build();
    }

    private static fivetran_sdk.v2.FormField toProto(FormField field) {
        fivetran_sdk.v2.FormField.Builder out = fivetran_sdk.v2.FormField.newBuilder()
                .setName(field.name())
                .setLabel(field.label())
                .setRequired(field.isRequired());
        if (field.description() != null) {
            out.setDescription(field.description());
        }
        if (field.defaultValue() != null) {
            out.setDefaultValue(field.defaultValue());
        }
        if (field.placeholder() != null) {
            out.setPlaceholder(field.placeholder());
        }
        switch (field.kind()) {
            case TEXT -> out.setTextField(TextField.PlainText);
            case PASSWORD -> out.setTextField(TextField.Password);
            case TOGGLE -> out.setToggleField(ToggleField.getDefaultInstance());
            case DROPDOWN -> {
                boolean descriptive = field.options().stream()
                        .anyMatch(o -> o.description() != null || !o.value().equals(o.label()));
                if (descriptive) {
                    DescriptiveDropDownFields.Builder options = DescriptiveDropDownFields.newBuilder();
                    field.options()
                            .forEach(o -> options.addDescriptiveDropdownField(DescriptiveDropDownField.newBuilder()
                                    .setValue(o.value())
                                    .setLabel(o.label() == null ? o.value() : o.label())
                                    .setDescription(o.description() == null ? "" : o.description())));
                    out.setDescriptiveDropdownFields(options);
                } else {
                    DropdownField.Builder options = DropdownField.newBuilder();
                    field.options().forEach(o -> options.addDropdownField(o.value()));
                    out.setDropdownField(options);
                }
            }
            default -> throw new IllegalStateException("unhandled field kind " + field.kind());
        }
        return out.build();
    }
}
