package dev.sluice.cli.output;

import dev.sluice.engine.warehouse.WarehouseReader.QueryResult;
import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.List;

/**
 * Prints a result set as CSV (RFC 4180 quoting): a header line of the column names, then a line per
 * row. A field holding a comma, a double quote, a line break or leading or trailing spaces is put in
 * double quotes, with its double quotes doubled; values are never cut, and line breaks inside values
 * are kept. NULL is an empty field, an empty string {@code ""}; binary values are {@code \x} and hex.
 */
final class CsvOutput {

    private CsvOutput() {}

    static void print(QueryResult result, PrintWriter out) {
        line(List.copyOf(result.columns()), out);
        for (List<Object> row : WarehouseOverview.values(result)) {
            line(row, out);
        }
        out.flush();
    }

    private static void line(List<?> values, PrintWriter out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(values.get(i)));
        }
        out.print(line);
        out.print('\n');
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof byte[] bytes ? "\\x" + HexFormat.of().formatHex(bytes) : value.toString();
        boolean quote = text.isEmpty()
                || text.strip().length() != text.length()
                || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
