package dev.sluice.cli.output;

import dev.sluice.engine.naming.SystemColumns;
import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.engine.warehouse.WarehouseReader.QueryResult;
import dev.sluice.engine.warehouse.WarehouseReader.TableOverview;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints what a warehouse holds: each table of schema {@value WarehouseReader#SCHEMA} with its
 * rows, soft-deleted rows and columns, optionally with a few sample rows of each, and how to query
 * it further.
 */
public final class WarehouseOverview {

    /** How many sample rows {@link #print(WarehouseReader, Path, String, List, PrintWriter, int)} shows per table. */
    public static final int SAMPLE_ROWS = 5;

    private static final String SYNCED = SystemColumns.SYNCED;

    private WarehouseOverview() {}

    /**
     * @param reader an open warehouse
     * @param project the project folder, for the command that queries it further
     * @param where the warehouse file or database, for the title
     * @param hintArguments arguments the printed {@code sluice query} needs besides the project and
     *     the SQL, e.g. {@code --destination pg.json}
     * @param out where to print
     * @param sampleRows rows to show per table; 0 for none
     */
    public static void print(
            WarehouseReader reader,
            Path project,
            String where,
            List<String> hintArguments,
            PrintWriter out,
            int sampleRows) {
        List<TableOverview> tables = reader.overview();
        out.println();
        if (tables.isEmpty()) {
            out.println("The warehouse " + where + " has no tables in schema " + reader.schema() + ".");
            return;
        }
        out.println("Tables in " + where + " (schema " + reader.schema() + "):");
        List<List<Object>> rows = new ArrayList<>();
        for (TableOverview table : tables) {
            rows.add(List.of(table.name(), table.rows(), table.deletedRows(), String.join(", ", table.columns())));
        }
        new TextTable(List.of("table", "rows", "deleted", "columns"), rows, 100).print(out);
        if (sampleRows > 0) {
            for (TableOverview table : tables) {
                printSample(reader, table, out, sampleRows);
            }
        }
        out.println();
        List<String> hint = new ArrayList<>();
        hint.add("SELECT * FROM " + reader.schema() + "."
                + quoteIfNeeded(tables.get(0).name()) + " LIMIT 10");
        hint.addAll(hintArguments);
        out.println("Query it with: " + CommandHint.sluice("query", project, hint.toArray(String[]::new)));
        out.flush();
    }

    private static void printSample(WarehouseReader reader, TableOverview table, PrintWriter out, int limit) {
        List<String> columns = new ArrayList<>(table.columns());
        columns.remove(SYNCED);
        if (columns.isEmpty() || table.rows() == 0) {
            return;
        }
        StringBuilder select = new StringBuilder();
        for (String column : columns) {
            select.append(select.length() == 0 ? "" : ", ").append(WarehouseReader.quote(column));
        }
        QueryResult sample = reader.query("SELECT " + select + " FROM " + WarehouseReader.quote(reader.schema()) + "."
                + WarehouseReader.quote(table.name()) + " LIMIT " + limit);
        out.println();
        out.println(reader.schema() + "." + table.name() + " (" + Math.min(limit, table.rows()) + " of " + table.rows()
                + " rows):");
        new TextTable(sample.columns(), values(sample), TextTable.DEFAULT_CELL_WIDTH).print(out);
    }

    /**
     * @param result a query result
     * @return its rows as lists of values in column order
     */
    public static List<List<Object>> values(QueryResult result) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : result.rows()) {
            rows.add(new ArrayList<>(row.values()));
        }
        return rows;
    }

    private static String quoteIfNeeded(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : WarehouseReader.quote(name);
    }
}
