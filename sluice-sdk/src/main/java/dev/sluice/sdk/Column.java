package dev.sluice.sdk;

import java.util.Objects;

/**
 * A declared column: a source name and a type; DECIMAL columns also carry a precision and scale.
 * Immutable.
 */
public final class Column {

    /** Largest DECIMAL precision. */
    public static final int MAX_PRECISION = 38;
    /** Largest DECIMAL scale. */
    public static final int MAX_SCALE = 37;

    private final String name;
    private final DataType type;
    private final int precision;
    private final int scale;

    private Column(String name, DataType type, int precision, int scale) {
        this.name = name;
        this.type = type;
        this.precision = precision;
        this.scale = scale;
    }

    /**
     * @param name the column's source name, not blank
     * @param type any type but DECIMAL (use {@link #decimal})
     * @return the column
     * @throws IllegalArgumentException when the name is blank or the type is DECIMAL or null
     */
    public static Column of(String name, DataType type) {
        requireName(name);
        if (type == null) {
            throw new IllegalArgumentException("Column '" + name + "' has no type");
        }
        if (type == DataType.DECIMAL) {
            throw new IllegalArgumentException(
                    "Column '" + name + "' is DECIMAL: declare it with decimalColumn(name, precision, scale)");
        }
        return new Column(name, type, 0, 0);
    }

    /**
     * @param name the column's source name, not blank
     * @param precision total digits, 1 to 38
     * @param scale digits after the point, 0 to 37 and at most {@code precision}
     * @return a DECIMAL column
     * @throws IllegalArgumentException naming the column when precision or scale is out of range
     */
    public static Column decimal(String name, int precision, int scale) {
        requireName(name);
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("Column '" + name + "': DECIMAL precision " + precision
                    + " is out of range: use 1 to " + MAX_PRECISION);
        }
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException(
                    "Column '" + name + "': DECIMAL scale " + scale + " is out of range: use 0 to " + MAX_SCALE);
        }
        if (scale > precision) {
            throw new IllegalArgumentException("Column '" + name + "': DECIMAL scale " + scale
                    + " exceeds its precision " + precision + ": the scale must be at most the precision");
        }
        return new Column(name, DataType.DECIMAL, precision, scale);
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A column name is empty: every column needs a name");
        }
    }

    /** @return the source name */
    public String name() {
        return name;
    }

    /** @return the type */
    public DataType type() {
        return type;
    }

    /** @return the DECIMAL precision, 0 for other types */
    public int precision() {
        return precision;
    }

    /** @return the DECIMAL scale, 0 for other types */
    public int scale() {
        return scale;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Column other)) {
            return false;
        }
        return name.equals(other.name) && type == other.type && precision == other.precision && scale == other.scale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, precision, scale);
    }

    @Override
    public String toString() {
        return type == DataType.DECIMAL ? name + " DECIMAL(" + precision + "," + scale + ")" : name + " " + type;
    }
}
