package dev.sluice.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Renders rows as an aligned text table in the style of {@code psql}: a header, a rule, one line
 * per row; numbers right-aligned, {@code NULL} for nulls, line breaks shown as spaces and values
 * longer than the cell width cut with {@code …}.
 */
public final class TextTable {

    /** Default longest cell, in characters. */
    public static final int DEFAULT_CELL_WIDTH = 40;

    private final List<String> headers;
    private final List<List<Object>> rows;
    private final int cellWidth;

    /**
     * @param headers the column titles
     * @param rows the rows, each with one value per column
     * @param cellWidth the longest cell in characters, at least 2
     */
    public TextTable(List<String> headers, List<List<Object>> rows, int cellWidth) {
        this.headers = List.copyOf(headers);
        this.rows = rows;
        this.cellWidth = Math.max(2, cellWidth);
    }

    /**
     * @param value any value from JDBC
     * @param width the longest result
     * @return the value as one line of at most {@code width} characters
     */
    public static String cell(Object value, int width) {
        String text;
        if (value == null) {
            text = "NULL";
        } else if (value instanceof byte[] bytes) {
            text = "\\x" + HexFormat.of().formatHex(bytes);
        } else {
            text = value.toString()
                    .replace("\r\n", " ")
                    .replace('\n', ' ')
                    .replace('\r', ' ')
                    .replace('\t', ' ');
        }
        if (text.codePointCount(0, text.length()) > width) {
            text = text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
        }
        return text;
    }

    /** @param out where to print the table */
    public void print(PrintWriter out) {
        int columns = headers.size();
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = length(headers.get(c));
            numeric[c] = !rows.isEmpty();
        }
        for (List<Object> row : rows) {
            String[] line = new String[columns];
            for (int c = 0; c < columns; c++) {
                Object value = c < row.size() ? row.get(c) : null;
                line[c] = cell(value, cellWidth);
                widths[c] = Math.max(widths[c], length(line[c]));
                numeric[c] &= value == null || value instanceof Number;
            }
            cells.add(line);
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            header.append(c == 0 ? " " : " | ").append(pad(headers.get(c), widths[c], false));
            rule.append(c == 0 ? "-" : "-+-").append("-".repeat(widths[c]));
        }
        out.println(header.toString().stripTrailing());
        out.println(rule.append('-'));
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                text.append(c == 0 ? " " : " | ").append(pad(line[c], widths[c], numeric[c]));
            }
            out.println(text.toString().stripTrailing());
        }
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(width - length(text));
        return right ? spaces + text : text + spaces;
    }
}
