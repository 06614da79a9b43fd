package dev.sluice.engine.destination.duckdb;

import dev.sluice.engine.values.ColumnType;
import dev.sluice.sdk.DataType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Fivetran's types are stored in DuckDB, both ways. JSON and XML are VARCHAR with a column
 * comment that records the type, so that the next sync finds it again.
 */
final class DuckDbTypes {

    /** Prefix of the column comment that records JSON and XML. */
    static final String TYPE_COMMENT = "sluice:";

    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

    private DuckDbTypes() {}

    /**
     * @param type a column type
     * @return its DuckDB SQL type
     */
    static String sqlType(ColumnType type) {
        return switch (type.type()) {
            case BOOLEAN -> "BOOLEAN";
            case SHORT -> "SMALLINT";
            case INT -> "INTEGER";
            case LONG -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case NAIVE_DATE -> "DATE";
            case NAIVE_DATETIME -> "TIMESTAMP";
            case UTC_DATETIME -> "TIMESTAMPTZ";
            case BINARY -> "BLOB";
            case XML, STRING, JSON -> "VARCHAR";
        };
    }

    /**
     * @param type a column type
     * @return the comment that records it, or null when the SQL type says it all
     */
    static String comment(ColumnType type) {
        return type.type() == DataType.JSON || type.type() == DataType.XML
                ? TYPE_COMMENT + type.type().name()
                : null;
    }

    /**
     * @param sqlType DuckDB's name of a column's type
     * @param comment the column's comment, or null
     * @return the column type
     */
    static ColumnType typeOf(String sqlType, String comment) {
        Matcher decimal = DECIMAL.matcher(sqlType);
        if (decimal.matches()) {
            return ColumnType.decimal(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
        }
        return switch (sqlType) {
            case "BOOLEAN" -> ColumnType.BOOLEAN;
            case "SMALLINT" -> ColumnType.SHORT;
            case "INTEGER" -> ColumnType.INT;
            case "BIGINT" -> ColumnType.LONG;
            case "FLOAT" -> ColumnType.FLOAT;
            case "DOUBLE" -> ColumnType.DOUBLE;
            case "DATE" -> ColumnType.NAIVE_DATE;
            case "TIMESTAMP" -> ColumnType.NAIVE_DATETIME;
            case "TIMESTAMP WITH TIME ZONE" -> ColumnType.UTC_DATETIME;
            case "BLOB" -> ColumnType.BINARY;
            default ->
                comment != null && comment.startsWith(TYPE_COMMENT)
                        ? ColumnType.of(DataType.fromName(comment.substring(TYPE_COMMENT.length())))
                        : ColumnType.STRING;
        };
    }
}
