package dev.sluice.sdk;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A declared table: its source name, primary key and the columns whose type is forced. Columns
 * not declared are inferred from data. Immutable; build one with {@link #named(String)}:
 *
 * <pre>{@code
 * Table.named("orders").primaryKey("id", "line")
 *      .column("status", DataType.STRING)
 *      .decimalColumn("price", 12, 2)
 *      .build();
 * }</pre>
 *
 * A table without a primary key gets the system key {@code _fivetran_id}, a hash of the row's
 * values. A primary-key column that is not declared has its type inferred.
 */
public final class Table {

    private final String name;
    private final List<String> primaryKey;
    private final Map<String, Column> columns;

    private Table(String name, List<String> primaryKey, Map<String, Column> columns) {
        this.name = name;
        this.primaryKey = primaryKey;
        this.columns = columns;
    }

    /**
     * @param name the table's source name, not blank
     * @return a builder for the table
     */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * Derives a table from a Java record: each component is a column, typed by its Java type
     * (boolean, short, int, long, float, double, String, LocalDate, LocalDateTime, Instant,
     * OffsetDateTime, ZonedDateTime, byte[]; maps, collections and records as JSON); BigDecimal
     * and other components are left to inference. Components annotated {@link PrimaryKey} form
     * the primary key.
     *
     * @param name the table's source name
     * @param recordClass the record class
     * @return the table
     */
    public static Table fromRecord(String name, Class<? extends Record> recordClass) {
        Builder builder = named(name);
        List<String> keys = new ArrayList<>();
        for (RecordComponent component : recordClass.getRecordComponents()) {
            DataType type = typeOf(component.getType());
            if (type != null) {
                builder.column(component.getName(), type);
            }
            if (component.isAnnotationPresent(PrimaryKey.class)) {
                keys.add(component.getName());
            }
        }
        if (!keys.isEmpty()) {
            builder.primaryKey(keys.toArray(String[]::new));
        }
        return builder.build();
    }

    private static DataType typeOf(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return DataType.BOOLEAN;
        } else if (type == short.class || type == Short.class) {
            return DataType.SHORT;
        } else if (type == int.class || type == Integer.class) {
            return DataType.INT;
        } else if (type == long.class || type == Long.class) {
            return DataType.LONG;
        } else if (type == float.class || type == Float.class) {
            return DataType.FLOAT;
        } else if (type == double.class || type == Double.class) {
            return DataType.DOUBLE;
        } else if (type == String.class) {
            return DataType.STRING;
        } else if (type == LocalDate.class) {
            return DataType.NAIVE_DATE;
        } else if (type == LocalDateTime.class) {
            return DataType.NAIVE_DATETIME;
        } else if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return DataType.UTC_DATETIME;
        } else if (type == byte[].class) {
            return DataType.BINARY;
        } else if (Map.class.isAssignableFrom(type)
                || Collection.class.isAssignableFrom(type)
                || type.isRecord()
                || type.isArray()) {
            return DataType.JSON;
        } else if (type == BigDecimal.class) {
            return null;
        }
        return null;
    }

    /** @return the source name */
    public String name() {
        return name;
    }

    /** @return the primary-key columns in order; empty when the table has none */
    public List<String> primaryKey() {
        return primaryKey;
    }

    /** @return the declared columns in declaration order */
    public Collection<Column> columns() {
        return columns.values();
    }

    /**
     * @param column a source column name
     * @return the declared column, or null
     */
    public Column column(String column) {
        return columns.get(column);
    }

    /** @return a builder holding this table's declarations */
    public Builder toBuilder() {
        Builder builder = new Builder(name);
        builder.primaryKey.addAll(primaryKey);
        builder.columns.putAll(columns);
        return builder;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Table other)) {
            return false;
        }
        return name.equals(other.name) && primaryKey.equals(other.primaryKey) && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, primaryKey, columns);
    }

    @Override
    public String toString() {
        return "Table[" + name + ", primaryKey=" + primaryKey + ", columns=" + columns.values() + "]";
    }

    /** Collects a table's declarations; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final Set<String> primaryKey = new LinkedHashSet<>();
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets the primary key, replacing any earlier one.
         *
         * @param columns the key's column names, in order; at least one
         * @return this builder
         */
        public Builder primaryKey(String... columns) {
            primaryKey.clear();
            if (columns == null || columns.length == 0) {
                problems.add("primaryKey() names no column: give at least one column, or leave the"
                        + " primary key out to get _fivetran_id");
                return this;
            }
            for (String column : columns) {
                if (column == null || column.isBlank()) {
                    problems.add("a primary-key column name is empty");
                } else if (!primaryKey.add(column)) {
                    problems.add("primary-key column '" + column + "' is listed twice");
                }
            }
            return this;
        }

        /**
         * Declares a column of any type but DECIMAL.
         *
         * @param column the column's source name
         * @param type its type
         * @return this builder
         */
        public Builder column(String column, DataType type) {
            try {
                add(Column.of(column, type));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            return this;
        }

        /**
         * Declares a DECIMAL column.
         *
         * @param column the column's source name
         * @param precision total digits, 1 to 38
         * @param scale digits after the point, 0 to 37 and at most {@code precision}
         * @return this builder
         */
        public Builder decimalColumn(String column, int precision, int scale) {
            try {
                add(Column.decimal(column, precision, scale));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            return this;
        }

        private void add(Column column) {
            if (columns.putIfAbsent(column.name(), column) != null) {
                problems.add("column '" + column.name() + "' is declared twice");
            }
        }

        /**
         * @return the table
         * @throws IllegalArgumentException listing every problem, naming the table
         */
        public Table build() {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A table has an empty name: every table needs a name"
                        + (problems.isEmpty() ? "" : " (also: " + String.join("; ", problems) + ")"));
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Table '" + name + "': " + String.join("; ", problems));
            }
            return new Table(name, List.copyOf(primaryKey), Collections.unmodifiableMap(new LinkedHashMap<>(columns)));
        }
    }
}
