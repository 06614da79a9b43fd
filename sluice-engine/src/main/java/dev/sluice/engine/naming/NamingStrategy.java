package dev.sluice.engine.naming;

/** How source table and column names become destination names. */
public enum NamingStrategy {
    /** Fivetran naming: lower-case snake_case, other characters to {@code _}. */
    FIVETRAN,
    /** Names kept as the source gives them (always quoted, so any name works). */
    SOURCE
}
