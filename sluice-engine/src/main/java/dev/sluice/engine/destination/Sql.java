package dev.sluice.engine.destination;

/** SQL text helpers. */
public final class Sql {

    private Sql() {}

    /**
     * @param identifier any name: keywords, spaces, quotes and unicode are all safe
     * @return the identifier as a DuckDB quoted identifier
     */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * @param text any text
     * @return a SQL string literal
     */
    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
