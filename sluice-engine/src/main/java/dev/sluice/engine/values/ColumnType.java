package dev.sluice.engine.values;

import dev.sluice.sdk.Column;
import dev.sluice.sdk.DataType;

/**
 * A column's type: a {@link DataType} plus precision and scale for DECIMAL.
 *
 * @param type the data type
 * @param precision DECIMAL precision, 0 otherwise
 * @param scale DECIMAL scale, 0 otherwise
 */
public record ColumnType(DataType type, int precision, int scale) {

    public static final ColumnType BOOLEAN = of(DataType.BOOLEAN);
    public static final ColumnType SHORT = of(DataType.SHORT);
    public static final ColumnType INT = of(DataType.INT);
    public static final ColumnType LONG = of(DataType.LONG);
    public static final ColumnType FLOAT = of(DataType.FLOAT);
    public static final ColumnType DOUBLE = of(DataType.DOUBLE);
    public static final ColumnType NAIVE_DATE = of(DataType.NAIVE_DATE);
    public static final ColumnType NAIVE_DATETIME = of(DataType.NAIVE_DATETIME);
    public static final ColumnType UTC_DATETIME = of(DataType.UTC_DATETIME);
    public static final ColumnType BINARY = of(DataType.BINARY);
    public static final ColumnType XML = of(DataType.XML);
    public static final ColumnType STRING = of(DataType.STRING);
    public static final ColumnType JSON = of(DataType.JSON);

    /**
     * @param type any type but DECIMAL
     * @return the column type
     */
    public static ColumnType of(DataType type) {
        return new ColumnType(type, 0, 0);
    }

    /**
     * @param precision 1 to 38
     * @param scale 0 to precision
     * @return a DECIMAL type
     */
    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(DataType.DECIMAL, precision, scale);
    }

    /**
     * @param column a declared column
     * @return its type
     */
    public static ColumnType of(Column column) {
        return new ColumnType(column.type(), column.precision(), column.scale());
    }

    /** @return the DuckDB SQL type */
    public String sqlType() {
        return switch (type) {
            case BOOLEAN -> "BOOLEAN";
            case SHORT -> "SMALLINT";
            case INT -> "INTEGER";
            case LONG -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case NAIVE_DATE -> "DATE";
            case NAIVE_DATETIME -> "TIMESTAMP";
            case UTC_DATETIME -> "TIMESTAMPTZ";
            case BINARY -> "BLOB";
            case XML, STRING, JSON -> "VARCHAR";
        };
    }

    /** @return whether this is SHORT, INT or LONG */
    public boolean isInteger() {
        return type == DataType.SHORT || type == DataType.INT || type == DataType.LONG;
    }

    /** @return digits left of the point that this integer or decimal type holds */
    int integerDigits() {
        return switch (type) {
            case SHORT -> 5;
            case INT -> 10;
            case LONG -> 19;
            case DECIMAL -> precision - scale;
            default -> throw new IllegalStateException(type + " is not numeric");
        };
    }

    @Override
    public String toString() {
        return type == DataType.DECIMAL ? "DECIMAL(" + precision + "," + scale + ")" : type.name();
    }
}
