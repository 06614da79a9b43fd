package dev.sluice.toolkit.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The few things about a database's SQL the reader needs: identifier quoting and row values. */
final class SqlDialect {

    /** Products known to compare row values, {@code (a, b) > (?, ?)}, with index support. */
    private static final Set<String> ROW_VALUE_PRODUCTS =
            Set.of("postgresql", "mysql", "mariadb", "h2", "hsql database engine", "sqlite", "db2", "cockroachdb");

    private final String quote;
    private final boolean rowValues;

    SqlDialect(String quote, boolean rowValues) {
        this.quote = quote == null || quote.isBlank() ? "" : quote.trim();
        this.rowValues = rowValues;
    }

    static SqlDialect of(DatabaseMetaData metaData) throws SQLException {
        String product = String.valueOf(metaData.getDatabaseProductName()).toLowerCase(Locale.ROOT);
        boolean rowValues = ROW_VALUE_PRODUCTS.stream().anyMatch(product::startsWith);
        return new SqlDialect(metaData.getIdentifierQuoteString(), rowValues);
    }

    String quote(String identifier) {
        return quote.isEmpty() ? identifier : quote + identifier.replace(quote, quote + quote) + quote;
    }

    /**
     * @param columns quoted column names, most significant first
     * @return a predicate true for rows after the position bound as one parameter per column,
     *     in order (row values), or as the expanded form that every database understands
     */
    String after(List<String> columns) {
        if (rowValues) {
            return "(" + String.join(", ", columns) + ") > (" + "?, ".repeat(columns.size() - 1) + "?)";
        }
        return expandedAfter(columns, 0);
    }

    /** @return how many times each column's parameter is bound by {@link #after(List)}: 1 or 2 */
    int bindingsPerColumn(int index, int count) {
        return rowValues || index == count - 1 ? 1 : 2;
    }

    private static String expandedAfter(List<String> columns, int from) {
        String column = columns.get(from);
        if (from == columns.size() - 1) {
            return column + " > ?";
        }
        return "(" + column + " > ? OR (" + column + " = ? AND " + expandedAfter(columns, from + 1) + "))";
    }
}
