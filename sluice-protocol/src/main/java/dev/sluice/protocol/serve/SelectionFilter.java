package dev.sluice.protocol.serve;

import fivetran_sdk.v2.Selection;
import fivetran_sdk.v2.TableSelection;
import java.util.HashMap;
import java.util.Map;

/**
 * The tables and columns an {@code UpdateRequest} selected. Without a selection everything is
 * included; a table the selection does not list follows {@code include_new_tables}, a column it
 * does not list follows {@code include_new_columns}. With the {@code with_schema} shape the tables
 * of every included schema count (a Sluice connector has one schema). Immutable.
 */
public final class SelectionFilter {

    private static final SelectionFilter ALL = new SelectionFilter(Map.of(), true);

    private final Map<String, TableSelection> tables;
    private final boolean includeNewTables;

    private SelectionFilter(Map<String, TableSelection> tables, boolean includeNewTables) {
        this.tables = tables;
        this.includeNewTables = includeNewTables;
    }

    /** @return a filter that includes everything */
    public static SelectionFilter all() {
        return ALL;
    }

    /**
     * @param selection the request's selection
     * @return its filter
     */
    public static SelectionFilter of(Selection selection) {
        Map<String, TableSelection> tables = new HashMap<>();
        switch (selection.getSelectionCase()) {
            case WITHOUT_SCHEMA -> {
                selection.getWithoutSchema().getTablesList().forEach(t -> tables.put(t.getTableName(), t));
                return new SelectionFilter(tables, selection.getWithoutSchema().getIncludeNewTables());
            }
            case WITH_SCHEMA -> {
                boolean includeNew = selection.getWithSchema().getIncludeNewSchemas();
                for (var schema : selection.getWithSchema().getSchemasList()) {
                    for (TableSelection table : schema.getTablesList()) {
                        tables.put(
                                table.getTableName(),
                                schema.getIncluded()
                                        ? table
                                        : table.toBuilder().setIncluded(false).build());
                    }
                    includeNew = includeNew || (schema.getIncluded() && schema.getIncludeNewTables());
                }
                return new SelectionFilter(tables, includeNew);
            }
            default -> {
                return ALL;
            }
        }
    }

    /**
     * @param table a table's source name
     * @return whether its records are sent
     */
    public boolean includesTable(String table) {
        TableSelection selected = tables.get(table);
        return selected == null ? includeNewTables : selected.getIncluded();
    }

    /**
     * @param table a table's source name
     * @return whether every column of the table is sent (no column excluded, new columns included)
     */
    public boolean includesAllColumns(String table) {
        TableSelection selected = tables.get(table);
        return selected == null
                || (selected.getIncludeNewColumns() && !selected.getColumnsMap().containsValue(false));
    }

    /**
     * @param table a table's source name
     * @param column a column's source name
     * @return whether the column's values are sent
     */
    public boolean includesColumn(String table, String column) {
        TableSelection selected = tables.get(table);
        if (selected == null) {
            return true;
        }
        Boolean included = selected.getColumnsMap().get(column);
        return included == null ? selected.getIncludeNewColumns() : included;
    }
}
