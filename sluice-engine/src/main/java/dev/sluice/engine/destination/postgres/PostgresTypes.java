package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.values.ColumnType;
import dev.sluice.sdk.DataType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Fivetran's types are stored in PostgreSQL, both ways. XML is TEXT with a column comment that
 * records it (see {@link SluiceComment}); JSON is JSONB.
 */
final class PostgresTypes {

    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

    private PostgresTypes() {}

    /**
     * @param type a column type
     * @return its PostgreSQL type
     */
    static String sqlType(ColumnType type) {
        return switch (type.type()) {
            case BOOLEAN -> "boolean";
            case SHORT -> "smallint";
            case INT -> "integer";
            case LONG -> "bigint";
            case DECIMAL -> "numeric(" + type.precision() + "," + type.scale() + ")";
            case FLOAT -> "real";
            case DOUBLE -> "double precision";
            case NAIVE_DATE -> "date";
            case NAIVE_DATETIME -> "timestamp";
            case UTC_DATETIME -> "timestamptz";
            case BINARY -> "bytea";
            case XML, STRING -> "text";
            case JSON -> "jsonb";
        };
    }

    /**
     * @param formatted PostgreSQL's {@code format_type()} of a column
     * @param recorded the type recorded in the column's comment, or null
     * @return the column type; a type Sluice does not write reads as STRING
     */
    static ColumnType typeOf(String formatted, DataType recorded) {
        Matcher numeric = NUMERIC.matcher(formatted);
        if (numeric.matches()) {
            return ColumnType.decimal(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)));
        }
        return switch (formatted) {
            case "boolean" -> ColumnType.BOOLEAN;
            case "smallint" -> ColumnType.SHORT;
            case "integer" -> ColumnType.INT;
            case "bigint" -> ColumnType.LONG;
            case "real" -> ColumnType.FLOAT;
            case "double precision" -> ColumnType.DOUBLE;
            case "date" -> ColumnType.NAIVE_DATE;
            case "timestamp without time zone" -> ColumnType.NAIVE_DATETIME;
            case "timestamp with time zone" -> ColumnType.UTC_DATETIME;
            case "bytea" -> ColumnType.BINARY;
            case "jsonb", "json" -> ColumnType.JSON;
            default -> recorded == DataType.XML ? ColumnType.XML : ColumnType.STRING;
        };
    }
}
