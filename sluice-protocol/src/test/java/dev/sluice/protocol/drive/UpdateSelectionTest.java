package dev.sluice.protocol.drive;

import static org.assertj.core.api.Assertions.assertThat;

import fivetran_sdk.v2.Column;
import fivetran_sdk.v2.Schema;
import fivetran_sdk.v2.SchemaList;
import fivetran_sdk.v2.SchemaResponse;
import fivetran_sdk.v2.Selection;
import fivetran_sdk.v2.Table;
import fivetran_sdk.v2.TableList;
import fivetran_sdk.v2.TableSelection;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateSelectionTest {

    private static final Table CUSTOMERS = Table.newBuilder()
            .setName("customers")
            .addColumns(Column.newBuilder().setName("id").setPrimaryKey(true))
            .addColumns(Column.newBuilder().setName("email"))
            .build();
    private static final SelectionFile NO_EMAIL_NO_AUDIT =
            new SelectionFile(Set.of("audit"), Map.of("customers", Set.of("email")));

    @Test
    void everyDeclaredColumnIsListedWithTheExclusionsSwitchedOff() {
        SchemaResponse schema = SchemaResponse.newBuilder()
                .setWithoutSchema(TableList.newBuilder().addTables(CUSTOMERS))
                .build();

        Selection selection = new UpdateSelection(NO_EMAIL_NO_AUDIT).forSchema(schema);

        assertThat(selection.getWithoutSchema().getIncludeNewTables()).isTrue();
        assertThat(selection.getWithoutSchema().getTablesList())
                .extracting(TableSelection::getTableName)
                .containsExactly("customers", "audit");
        TableSelection customers = selection.getWithoutSchema().getTables(0);
        assertThat(customers.getIncluded()).isTrue();
        assertThat(customers.getColumnsMap()).containsOnly(Map.entry("id", true), Map.entry("email", false));
        assertThat(selection.getWithoutSchema().getTables(1).getIncluded())
                .as("an excluded table")
                .isFalse();
    }

    @Test
    void aReplyWithSchemasGetsASelectionOfThatShapeEachSchemaCarryingTheUndeclaredExclusions() {
        SchemaResponse schema = SchemaResponse.newBuilder()
                .setWithSchema(SchemaList.newBuilder()
                        .addSchemas(Schema.newBuilder().setName("shop").addTables(CUSTOMERS))
                        .addSchemas(Schema.newBuilder().setName("empty")))
                .build();

        Selection selection = new UpdateSelection(NO_EMAIL_NO_AUDIT).forSchema(schema);

        assertThat(selection.getWithSchema().getSchemasList()).hasSize(2).allSatisfy(selected -> {
            assertThat(selected.getIncluded()).isTrue();
            assertThat(selected.getTablesList())
                    .extracting(TableSelection::getTableName)
                    .contains("audit");
        });
        assertThat(selection.getWithSchema().getSchemas(0).getTablesList())
                .extracting(TableSelection::getTableName)
                .containsExactly("customers", "audit");
    }

    @Test
    void beforeAnySchemaOnlyTheExclusionsAreSent() {
        Selection selection = new UpdateSelection(NO_EMAIL_NO_AUDIT).forSchema(null);

        assertThat(selection.getWithoutSchema().getTablesList())
                .extracting(TableSelection::getTableName)
                .containsExactlyInAnyOrder("audit", "customers");
    }
}
