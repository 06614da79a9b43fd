package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.destination.Sql;

/** Names and literals in PostgreSQL's SQL, with the rule for long names applied. */
final class PostgresSql {

    private PostgresSql() {}

    /**
     * @param name a table or column name as the engine knows it
     * @return its identifier, shortened when longer than PostgreSQL allows, quoted
     */
    static String quote(String name) {
        return Sql.quote(PostgresNames.physical(name));
    }

    /**
     * @param schema a schema
     * @param table a table name as the engine knows it
     * @return the schema-qualified, quoted identifier
     */
    static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    /**
     * @param text any text
     * @return it as a SQL string literal
     */
    static String literal(String text) {
        return Sql.literal(text);
    }
}
