package dev.sluice.protocol.drive;

import fivetran_sdk.v2.SchemaResponse;
import fivetran_sdk.v2.SchemaSelection;
import fivetran_sdk.v2.Selection;
import fivetran_sdk.v2.TableSelection;
import fivetran_sdk.v2.TablesWithNoSchema;
import fivetran_sdk.v2.TablesWithSchema;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code selection} of an {@code Update} request: every table and column the last
 * {@code Schema} reply declared, with the {@link SelectionFile}'s exclusions switched off, plus the
 * tables the file names that no schema declared; new tables and columns included. It takes the
 * shape of the reply ({@code with_schema} or {@code without_schema}). Immutable.
 */
final class UpdateSelection {

    private final SelectionFile selection;

    UpdateSelection(SelectionFile selection) {
        this.selection = selection;
    }

    /**
     * @param schema the last {@code Schema} reply, or null when none was asked for
     * @return the selection to send
     */
    Selection forSchema(SchemaResponse schema) {
        Map<String, TableSelection.Builder> tables = new LinkedHashMap<>();
        for (fivetran_sdk.v2.Table table : RemoteSchema.declaredTables(schema)) {
            TableSelection.Builder selected = tables.computeIfAbsent(table.getName(), this::tableSelection);
            for (fivetran_sdk.v2.Column column : table.getColumnsList()) {
                selected.putColumns(column.getName(), selection.includesColumn(table.getName(), column.getName()));
            }
        }
        selection.excludedTables().forEach(name -> tables.computeIfAbsent(name, this::tableSelection));
        selection.excludedColumns().forEach((table, columns) -> {
            TableSelection.Builder selected = tables.computeIfAbsent(table, this::tableSelection);
            columns.forEach(column -> selected.putColumns(column, false));
        });
        if (schema != null && schema.getResponseCase() == SchemaResponse.ResponseCase.WITH_SCHEMA) {
            return withSchemas(schema, tables);
        }
        TablesWithNoSchema.Builder all = TablesWithNoSchema.newBuilder().setIncludeNewTables(true);
        tables.values().forEach(all::addTables);
        return Selection.newBuilder().setWithoutSchema(all).build();
    }

    /**
     * The selection in the shape of a {@code with_schema} reply: every schema included, each with
     * the selections of its own tables, and of the tables the selection file names but no schema
     * declared (tables are flattened by name into one warehouse schema).
     */
    private static Selection withSchemas(SchemaResponse schema, Map<String, TableSelection.Builder> tables) {
        Set<String> declaredAnywhere = new HashSet<>();
        schema.getWithSchema()
                .getSchemasList()
                .forEach(s -> s.getTablesList().forEach(table -> declaredAnywhere.add(table.getName())));
        TablesWithSchema.Builder all = TablesWithSchema.newBuilder().setIncludeNewSchemas(true);
        for (fivetran_sdk.v2.Schema declared : schema.getWithSchema().getSchemasList()) {
            SchemaSelection.Builder selected = SchemaSelection.newBuilder()
                    .setSchemaName(declared.getName())
                    .setIncluded(true)
                    .setIncludeNewTables(true);
            declared.getTablesList().forEach(table -> selected.addTables(tables.get(table.getName())));
            tables.forEach((name, table) -> {
                if (!declaredAnywhere.contains(name)) {
                    selected.addTables(table);
                }
            });
            all.addSchemas(selected);
        }
        return Selection.newBuilder().setWithSchema(all).build();
    }

    private TableSelection.Builder tableSelection(String table) {
        return TableSelection.newBuilder()
                .setTableName(table)
                .setIncluded(selection.includesTable(table))
                .setIncludeNewColumns(true);
    }
}
