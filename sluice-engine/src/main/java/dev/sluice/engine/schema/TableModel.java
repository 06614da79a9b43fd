package dev.sluice.engine.schema;

import dev.sluice.engine.naming.SystemColumns;
import dev.sluice.engine.values.ColumnType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A destination table as the sync knows it: its data columns in table order (system columns
 * {@code _fivetran_synced} and {@code _fivetran_deleted} are implicit) and its primary key. A
 * table without a declared key has the synthetic key {@value #FIVETRAN_ID}. Not thread-safe.
 */
public final class TableModel {

    /** Synthetic key of keyless tables: a hash of the row's values. */
    public static final String FIVETRAN_ID = SystemColumns.ID;
    /** When the row was written. */
    public static final String SYNCED = SystemColumns.SYNCED;
    /** Whether the row is soft-deleted. */
    public static final String DELETED = SystemColumns.DELETED;

    /**
     * @param name a column name
     * @return whether it is one of the system columns Sluice writes itself
     */
    public static boolean isSystemColumn(String name) {
        return SystemColumns.contains(name);
    }

    private final String name;
    private final List<String> keyNames;
    private final boolean syntheticKey;
    private final List<ColumnModel> columns = new ArrayList<>();
    /** Case-insensitive, as DuckDB identifiers are: {@code "Name"} and {@code "name"} are one column. */
    private final Map<String, ColumnModel> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private final Map<String, ColumnModel> bySourceName = new HashMap<>();
    private boolean exists;
    private boolean keyPending;

    /**
     * @param name destination name
     * @param keyNames destination names of the key columns; empty for a keyless table
     * @param exists whether the table already exists in the warehouse
     */
    public TableModel(String name, List<String> keyNames, boolean exists) {
        this.name = name;
        this.syntheticKey = keyNames.isEmpty();
        this.keyNames = syntheticKey ? List.of(FIVETRAN_ID) : List.copyOf(keyNames);
        this.exists = exists;
        if (syntheticKey) {
            addColumn(FIVETRAN_ID, ColumnType.STRING, true);
        }
    }

    /** @return destination name */
    public String name() {
        return name;
    }

    /** @return destination names of the key columns ({@value #FIVETRAN_ID} when keyless) */
    public List<String> keyNames() {
        return keyNames;
    }

    /** @return the positions of the key columns in a row, in key order (the key columns must exist) */
    public int[] keyPositions() {
        return keyNames.stream().mapToInt(name -> column(name).position()).toArray();
    }

    /** @return whether the key is the synthetic {@value #FIVETRAN_ID} */
    public boolean syntheticKey() {
        return syntheticKey;
    }

    /** @return data columns in table order */
    public List<ColumnModel> columns() {
        return Collections.unmodifiableList(columns);
    }

    /**
     * @param name destination column name, matched ignoring case as DuckDB does
     * @return the column, or null
     */
    public ColumnModel column(String name) {
        return byName.get(name);
    }

    /**
     * @param name destination column name
     * @param type its type
     * @param declared whether declared by {@code schema()}
     * @return the new column, last in table order
     */
    public ColumnModel addColumn(String name, ColumnType type, boolean declared) {
        ColumnModel column = new ColumnModel(name, type, declared, columns.size());
        columns.add(column);
        byName.put(name, column);
        return column;
    }

    /**
     * Caches the column a source name maps to.
     *
     * @param sourceName the name the connector used
     * @return the column, or null when not cached
     */
    public ColumnModel columnForSource(String sourceName) {
        return bySourceName.get(sourceName);
    }

    /**
     * @param sourceName the name the connector used
     * @param column its column
     */
    public void cacheSource(String sourceName, ColumnModel column) {
        bySourceName.put(sourceName, column);
    }

    /** @return whether the key columns all have types, so the table can be created */
    public boolean keyTyped() {
        return keyNames.stream().allMatch(byName::containsKey);
    }

    /** @return whether the table exists in the warehouse */
    public boolean exists() {
        return exists;
    }

    /** Marks the table's primary key as not yet added: it is added, in bulk, when the sync ends. */
    public void markKeyPending() {
        keyPending = true;
    }

    /** Marks the table's primary key as added. */
    public void markKeyAdded() {
        keyPending = false;
    }

    /** @return whether the table's primary key is still to be added */
    public boolean keyPending() {
        return keyPending;
    }

    /** Marks the table as created in the warehouse. */
    public void markCreated() {
        exists = true;
    }

    /** @return whether {@code column} is a key column */
    public boolean isKey(ColumnModel column) {
        return keyNames.contains(column.name());
    }
}
