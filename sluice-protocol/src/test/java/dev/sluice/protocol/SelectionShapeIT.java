package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.engine.SyncResult;
import dev.sluice.protocol.drive.SelectionFile;
import fivetran_sdk.v2.Column;
import fivetran_sdk.v2.DataType;
import fivetran_sdk.v2.Schema;
import fivetran_sdk.v2.SchemaList;
import fivetran_sdk.v2.SchemaResponse;
import fivetran_sdk.v2.SchemaSelection;
import fivetran_sdk.v2.Selection;
import fivetran_sdk.v2.Table;
import fivetran_sdk.v2.TableSelection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The selection sent with Update mirrors the shape of the server's Schema reply. */
class SelectionShapeIT {

    @TempDir
    Path project;

    private static Table table(String name, String... columns) {
        Table.Builder table = Table.newBuilder()
                .setName(name)
                .addColumns(
                        Column.newBuilder().setName("id").setType(DataType.INT).setPrimaryKey(true));
        for (String column : columns) {
            table.addColumns(Column.newBuilder().setName(column).setType(DataType.STRING));
        }
        return table.build();
    }

    @Test
    void aServerWithSchemasGetsASelectionPerSchemaWithTheExclusions() throws Exception {
        SchemaResponse schemas = SchemaResponse.newBuilder()
                .setWithSchema(SchemaList.newBuilder()
                        .addSchemas(
                                Schema.newBuilder().setName("sales").addTables(table("orders", "note", "secret_note")))
                        .addSchemas(Schema.newBuilder().setName("crm").addTables(table("contacts", "name"))))
                .build();
        SelectionFile exclusions = new SelectionFile(Set.of("contacts"), Map.of("orders", Set.of("secret_note")));
        try (FakeSourceServer server = new FakeSourceServer(schemas, (self, stream) -> stream.onCompleted())) {
            SyncResult result = Syncs.remote(server.target(), project, Map.of(), exclusions);

            assertThat(result.succeeded())
                    .as(String.valueOf(result.failureMessage()))
                    .isTrue();
            Selection selection = server.lastUpdate.getSelection();
            assertThat(selection.getSelectionCase()).isEqualTo(Selection.SelectionCase.WITH_SCHEMA);
            assertThat(selection.getWithSchema().getIncludeNewSchemas()).isTrue();
            List<SchemaSelection> sent = selection.getWithSchema().getSchemasList();
            assertThat(sent).extracting(SchemaSelection::getSchemaName).containsExactly("sales", "crm");
            assertThat(sent)
                    .allSatisfy(schema -> assertThat(schema.getIncluded()).isTrue());
            TableSelection orders = sent.get(0).getTables(0);
            assertThat(orders.getTableName()).isEqualTo("orders");
            assertThat(orders.getIncluded()).isTrue();
            assertThat(orders.getColumnsMap()).containsEntry("note", true).containsEntry("secret_note", false);
            assertThat(sent.get(1).getTablesList())
                    .extracting(TableSelection::getTableName, TableSelection::getIncluded)
                    .containsExactly(tuple("contacts", false));
        }
    }

    @Test
    void aServerWithoutSchemasGetsTheFlatShape() throws Exception {
        SchemaResponse flat = SchemaResponse.newBuilder()
                .setWithoutSchema(fivetran_sdk.v2.TableList.newBuilder().addTables(table("orders", "note")))
                .build();
        try (FakeSourceServer server = new FakeSourceServer(flat, (self, stream) -> stream.onCompleted())) {
            Syncs.remote(server.target(), project, Map.of(), SelectionFile.everything());

            Selection selection = server.lastUpdate.getSelection();
            assertThat(selection.getSelectionCase()).isEqualTo(Selection.SelectionCase.WITHOUT_SCHEMA);
            assertThat(selection.getWithoutSchema().getTables(0).getColumnsMap())
                    .containsEntry("note", true);
        }
    }
}
