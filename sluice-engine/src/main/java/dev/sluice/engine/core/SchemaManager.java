package dev.sluice.engine.core;

import dev.sluice.engine.SyncMetrics;
import dev.sluice.engine.destination.TableWriter;
import dev.sluice.engine.naming.Naming;
import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.engine.values.ColumnType;
import dev.sluice.engine.values.TypeInference;
import dev.sluice.engine.values.TypeWidening;
import dev.sluice.sdk.Column;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows every destination table of a sync (found in the warehouse, declared by {@code schema()}
 * or met in data) and decides schema changes: tables created, columns added, inferred types
 * widened; it refuses what cannot be applied safely (a changed primary key, a value that does not
 * fit a declared type) with a message saying what to do. Not thread-safe.
 */
public final class SchemaManager {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaManager.class);

    private final Naming naming;
    private final SyncMetrics metrics;
    private final Map<String, TableModel> tables;
    private final Map<String, String> names = new HashMap<>();

    /**
     * @param naming the naming rule
     * @param metrics counters of schema changes
     * @param existing the warehouse's tables by destination name
     */
    public SchemaManager(Naming naming, SyncMetrics metrics, Map<String, TableModel> existing) {
        this.naming = naming;
        this.metrics = metrics;
        // DuckDB identifiers are case-insensitive: "Orders" and "orders" are one table
        this.tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.tables.putAll(existing);
    }

    /**
     * Applies the tables {@code schema()} declared: checks them, creates new tables whose key types
     * are known, adds declared columns and widens existing ones to their declared type.
     *
     * @param declared what {@code schema()} returned
     * @param writerFor the writer of a table
     * @throws SyncException naming the table and column when the declaration is invalid or conflicts
     *     with the warehouse in a way that needs {@code sluice reset}
     */
    public void declare(List<Table> declared, Function<TableModel, TableWriter> writerFor) {
        Map<String, String> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Table table : declared) {
            if (table == null) {
                throw new SyncException("schema() returned a null table");
            }
            String name = columnName(table.name());
            String other = seen.putIfAbsent(name, table.name());
            if (other != null) {
                throw new SyncException(
                        other.equals(table.name())
                                ? "schema() declares table '" + table.name() + "' twice: declare each table once"
                                : "schema() declares tables '" + other + "' and '" + table.name()
                                        + "', which both become '" + name + "': rename one of them");
            }
            declareTable(table, name, writerFor);
        }
    }

    private void declareTable(Table table, String name, Function<TableModel, TableWriter> writerFor) {
        List<String> keys = new ArrayList<>();
        for (String key : table.primaryKey()) {
            keys.add(columnName(key));
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, Column> distinct = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Column column : table.columns()) {
            Column clash = distinct.putIfAbsent(columnName(column.name()), column);
            columns.put(columnName(column.name()), column);
            if (clash != null) {
                throw new SyncException(
                        "schema(): columns '" + clash.name() + "' and '" + column.name() + "' of table '" + table.name()
                                + "' both become '" + columnName(column.name()) + "': rename one of them");
            }
            checkNotSystem(table.name(), columnName(column.name()), true);
        }
        TableModel existing = tables.get(name);
        if (existing == null) {
            TableModel model = new TableModel(name, keys, false);
            for (String key : keys) {
                Column column = columns.get(key);
                if (column != null) {
                    model.addColumn(key, ColumnType.of(column), true);
                }
            }
            columns.forEach((column, declaration) -> {
                if (model.column(column) == null) {
                    model.addColumn(column, ColumnType.of(declaration), true);
                }
            });
            tables.put(name, model);
            if (model.keyTyped()) {
                writerFor.apply(model).createTable();
                metrics.schemaChanged();
                LOG.info("schema change: created table {}", name);
            }
            return;
        }
        List<String> declaredKey = keys.isEmpty() ? List.of(TableModel.FIVETRAN_ID) : keys;
        if (!existing.keyNames().equals(declaredKey)) {
            throw new SyncException("Table '" + table.name() + "' has primary key " + existing.keyNames()
                    + " in the warehouse, but schema() now declares " + declaredKey + ". The local warehouse cannot"
                    + " change a primary key: run `sluice reset` to start over with the new schema");
        }
        TableWriter writer = writerFor.apply(existing);
        columns.forEach((column, declaration) -> {
            ColumnType type = ColumnType.of(declaration);
            ColumnModel current = existing.column(column);
            if (current == null) {
                ColumnModel added = existing.addColumn(column, type, true);
                if (existing.exists()) {
                    writer.addColumn(added);
                    metrics.schemaChanged();
                }
            } else if (!current.type().equals(type)) {
                if (existing.isKey(current)) {
                    throw new SyncException("Primary-key column '" + column + "' of table '" + table.name() + "' is "
                            + current.type() + " in the warehouse, but schema() now declares it " + type + ". The local"
                            + " warehouse cannot change the type of a primary-key column: run `sluice reset` to start"
                            + " over with the new schema");
                }
                if (!TypeWidening.holds(type, current.type())) {
                    throw new SyncException("Column '" + column + "' of table '" + table.name() + "' is "
                            + current.type() + " in the warehouse, but schema() now declares it " + type
                            + ", which cannot hold its values: run `sluice reset` to start over with the new schema");
                }
                current.widenTo(type);
                writer.changeType(current);
                metrics.schemaChanged();
            }
            existing.column(column).declare();
        });
    }

    /** @return every table known to the sync */
    public List<TableModel> tables() {
        return List.copyOf(tables.values());
    }

    /**
     * @param source a table's source name
     * @return its model: known, or a new keyless table that does not exist yet
     */
    public TableModel tableForSource(String source) {
        return tables.computeIfAbsent(columnName(source), name -> new TableModel(name, List.of(), false));
    }

    /**
     * @param source a source name
     * @return its destination name
     */
    public String columnName(String source) {
        String name = names.get(source);
        if (name == null) {
            if (source.isBlank()) {
                throw new SyncException("A column name is empty: every key of a row must be a non-empty name");
            }
            name = naming.apply(source);
            names.put(source, name);
        }
        return name;
    }

    /**
     * @param table a table
     * @param source a column's source name
     * @return the column it maps to, or null when the table has no such column yet
     */
    public ColumnModel column(TableModel table, String source) {
        ColumnModel column = table.columnForSource(source);
        if (column != null) {
            return column;
        }
        if (source == null) {
            throw new SyncException("A row of table '" + table.name() + "' has a null column name");
        }
        String name = columnName(source);
        column = table.column(name);
        if (column == null || (table.syntheticKey() && name.equals(TableModel.FIVETRAN_ID))) {
            checkNotSystem(table.name(), name, false);
            return column;
        }
        table.cacheSource(source, column);
        return column;
    }

    /**
     * Adds a column for a value the table has no column for; its type is inferred from the value.
     *
     * @param writer the table's writer
     * @param source the column's source name
     * @param value its first non-NULL value
     */
    public void addInferredColumn(TableWriter writer, String source, Object value) {
        TableModel table = writer.table();
        String name = columnName(source);
        checkNotSystem(table.name(), name, false);
        ColumnType type = TypeInference.infer(value);
        if (table.keyNames().contains(name) && type.isInteger()) {
            type = ColumnType.LONG;
        }
        if (table.exists()) {
            writer.prepareSchemaChange(Instant.now());
        }
        ColumnModel column = table.addColumn(name, type, false);
        table.cacheSource(source, column);
        if (table.exists()) {
            writer.addColumn(column);
            metrics.schemaChanged();
            LOG.info("schema change: added column {} {} to {}", name, type, table.name());
        }
    }

    /**
     * Decides what to do with a value that does not fit its column's current type.
     *
     * @param writer the table's writer
     * @param column the column
     * @param sourceTable the table's source name, for messages
     * @param source the column's source name, for messages
     * @param value the value
     * @return the change that widens the column
     * @throws SyncException naming table, column and value when the column's type may not change
     */
    public Runnable widening(TableWriter writer, ColumnModel column, String sourceTable, String source, Object value) {
        TableModel table = writer.table();
        if (column.declared() || table.isKey(column)) {
            throw new SyncException("Table '" + sourceTable + "', column '" + source + "': value " + describe(value)
                    + " does not fit its " + (column.declared() ? "declared" : "primary-key") + " type " + column.type()
                    + (column.declared()
                            ? ": convert the value, or declare the column with a type that holds it"
                            : ": declare the key column's type in schema() and run `sluice reset`"));
        }
        ColumnType wider = TypeWidening.widen(column.type(), TypeInference.infer(value));
        return () -> {
            if (table.exists()) {
                writer.prepareSchemaChange(Instant.now());
            }
            LOG.info(
                    "schema change: column {} of {} widened from {} to {}",
                    column.name(),
                    table.name(),
                    column.type(),
                    wider);
            column.widenTo(wider);
            if (table.exists()) {
                writer.changeType(column);
                metrics.schemaChanged();
            }
        };
    }

    private static void checkNotSystem(String table, String name, boolean declared) {
        if (name.equals(TableModel.SYNCED) || name.equals(TableModel.DELETED) || name.equals(TableModel.FIVETRAN_ID)) {
            throw new SyncException("Table '" + table + "': column '" + name + "' is a system column that Sluice writes"
                    + " itself; " + (declared ? "remove it from schema()" : "rename it in your rows"));
        }
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "...";
        }
        return "'" + text + "' (" + value.getClass().getSimpleName() + ")";
    }
}
