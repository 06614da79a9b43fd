package dev.sluice.protocol.serve;

import static org.assertj.core.api.Assertions.assertThat;

import fivetran_sdk.v2.SchemaSelection;
import fivetran_sdk.v2.Selection;
import fivetran_sdk.v2.TableSelection;
import fivetran_sdk.v2.TablesWithNoSchema;
import fivetran_sdk.v2.TablesWithSchema;
import org.junit.jupiter.api.Test;

class SelectionFilterTest {

    private static final TableSelection ORDERS = TableSelection.newBuilder()
            .setTableName("orders")
            .setIncluded(true)
            .putColumns("email", false)
            .putColumns("total", true)
            .setIncludeNewColumns(false)
            .build();
    private static final TableSelection AUDIT =
            TableSelection.newBuilder().setTableName("audit").setIncluded(false).build();

    @Test
    void withoutASelectionEverythingIsIncluded() {
        assertThat(SelectionFilter.all().includesTable("any")).isTrue();
        assertThat(SelectionFilter.all().includesColumn("any", "thing")).isTrue();
    }

    @Test
    void listedTablesAndColumnsFollowTheirFlagsOthersTheIncludeNewFlags() {
        SelectionFilter filter = SelectionFilter.of(Selection.newBuilder()
                .setWithoutSchema(TablesWithNoSchema.newBuilder()
                        .addTables(ORDERS)
                        .addTables(AUDIT)
                        .setIncludeNewTables(false))
                .build());

        assertThat(filter.includesTable("orders")).isTrue();
        assertThat(filter.includesTable("audit")).isFalse();
        assertThat(filter.includesTable("brand_new")).isFalse();
        assertThat(filter.includesColumn("orders", "total")).isTrue();
        assertThat(filter.includesColumn("orders", "email")).isFalse();
        assertThat(filter.includesColumn("orders", "added_later")).isFalse();
    }

    @Test
    void theTablesOfAnExcludedSchemaAreExcluded() {
        SelectionFilter filter = SelectionFilter.of(Selection.newBuilder()
                .setWithSchema(TablesWithSchema.newBuilder()
                        .addSchemas(SchemaSelection.newBuilder()
                                .setSchemaName("shop")
                                .setIncluded(false)
                                .addTables(ORDERS))
                        .setIncludeNewSchemas(true))
                .build());

        assertThat(filter.includesTable("orders")).isFalse();
        assertThat(filter.includesTable("brand_new")).isTrue();
    }
}
