package dev.sluice.sdk;

import java.util.Locale;

/**
 * The 14 column types of the Fivetran connector protocol. In the local DuckDB warehouse they
 * become: BOOLEAN, SMALLINT, INTEGER, BIGINT, DECIMAL(p,s), FLOAT, DOUBLE, DATE, TIMESTAMP,
 * TIMESTAMPTZ, BLOB, VARCHAR (XML, STRING) and VARCHAR holding JSON text (JSON).
 */
public enum DataType {
    /** true or false. */
    BOOLEAN,
    /** 16-bit signed integer. */
    SHORT,
    /** 32-bit signed integer. */
    INT,
    /** 64-bit signed integer. */
    LONG,
    /** Exact decimal with a precision (1-38) and a scale (0-37, at most the precision). */
    DECIMAL,
    /** IEEE 754 32-bit floating point. */
    FLOAT,
    /** IEEE 754 64-bit floating point. */
    DOUBLE,
    /** A date without a time zone, e.g. 2007-12-03. */
    NAIVE_DATE,
    /** A date and time without a time zone, e.g. 2007-12-03T10:15:30. */
    NAIVE_DATETIME,
    /** An instant, e.g. 2007-12-03T10:15:30.123Z. */
    UTC_DATETIME,
    /** Bytes. */
    BINARY,
    /** XML text. */
    XML,
    /** Text. */
    STRING,
    /** A JSON value, stored as JSON text. */
    JSON;

    /**
     * Parses a type name, ignoring case.
     *
     * @param name a type name such as {@code "string"} or {@code "UTC_DATETIME"}
     * @return the type
     * @throws IllegalArgumentException listing the 14 valid names when {@code name} is unknown
     */
    public static DataType fromName(String name) {
        if (name != null) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException(
                "Unknown data type '" + name + "': use one of " + java.util.Arrays.toString(values()));
    }
}
