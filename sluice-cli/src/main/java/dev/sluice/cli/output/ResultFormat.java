package dev.sluice.cli.output;

import dev.sluice.engine.warehouse.WarehouseReader.QueryResult;
import java.io.PrintWriter;

/** How {@code sluice query} prints a result set. */
public enum ResultFormat {
    /** An aligned text table for people: long values cut, then the row count. */
    TABLE {
        @Override
        public void print(QueryResult result, PrintWriter out) {
            new TextTable(result.columns(), WarehouseOverview.values(result), TextTable.DEFAULT_CELL_WIDTH).print(out);
            int n = result.rows().size();
            out.println("(" + n + (n == 1 ? " row)" : " rows)"));
        }
    },
    /** CSV for programs: see {@link CsvOutput}. */
    CSV {
        @Override
        public void print(QueryResult result, PrintWriter out) {
            CsvOutput.print(result, out);
        }
    },
    /** JSON for programs: see {@link JsonOutput}. */
    JSON {
        @Override
        public void print(QueryResult result, PrintWriter out) {
            JsonOutput.print(result, out);
        }
    };

    /**
     * @param result a result set
     * @param out where to print it, whole
     */
    public abstract void print(QueryResult result, PrintWriter out);
}
