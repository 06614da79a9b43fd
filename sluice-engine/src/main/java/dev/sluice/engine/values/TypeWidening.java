package dev.sluice.engine.values;

import dev.sluice.sdk.Column;
import dev.sluice.sdk.DataType;

/**
 * The lossless widening of inferred column types: the narrowest type that holds the values of
 * both. Integers widen SHORT, INT, LONG, then DECIMAL; integers and decimals meet floats in
 * DOUBLE; decimals wider than 38 digits become STRING; dates widen to datetimes and naive to UTC; anything else meets in STRING.
 */
public final class TypeWidening {

    private TypeWidening() {}

    /**
     * @param a a type
     * @param b another type
     * @return the narrowest type that holds every value of both
     */
    public static ColumnType widen(ColumnType a, ColumnType b) {
        if (a.equals(b)) {
            return a;
        }
        DataType x = a.type();
        DataType y = b.type();
        if (isExactNumber(a) && isExactNumber(b)) {
            if (x != DataType.DECIMAL && y != DataType.DECIMAL) {
                return x.ordinal() >= y.ordinal() ? a : b;
            }
            int scale = Math.max(scaleOf(a), scaleOf(b));
            int precision = Math.max(a.integerDigits(), b.integerDigits()) + scale;
            return precision <= Column.MAX_PRECISION ? ColumnType.decimal(precision, scale) : ColumnType.STRING;
        }
        if (isNumber(a) && isNumber(b)) {
            return x == DataType.FLOAT && y == DataType.FLOAT ? ColumnType.FLOAT : ColumnType.DOUBLE;
        }
        if (isTemporal(x) && isTemporal(y)) {
            return x.ordinal() >= y.ordinal() ? a : b;
        }
        return ColumnType.STRING;
    }

    /**
     * @param column the column's current type
     * @param value the type of a new value
     * @return whether the column holds the value without a change of type
     */
    public static boolean holds(ColumnType column, ColumnType value) {
        return widen(column, value).equals(column);
    }

    private static boolean isExactNumber(ColumnType t) {
        return t.isInteger() || t.type() == DataType.DECIMAL;
    }

    private static boolean isNumber(ColumnType t) {
        return isExactNumber(t) || t.type() == DataType.FLOAT || t.type() == DataType.DOUBLE;
    }

    private static boolean isTemporal(DataType t) {
        return t == DataType.NAIVE_DATE || t == DataType.NAIVE_DATETIME || t == DataType.UTC_DATETIME;
    }

    private static int scaleOf(ColumnType t) {
        return t.type() == DataType.DECIMAL ? t.scale() : 0;
    }
}
