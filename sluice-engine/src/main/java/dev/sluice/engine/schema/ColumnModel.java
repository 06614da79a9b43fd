package dev.sluice.engine.schema;

import dev.sluice.engine.values.ColumnType;

/**
 * A destination column as the sync knows it: name, current type, whether the connector declared
 * it (declared types never change) and its position among the table's data columns.
 */
public final class ColumnModel {

    private final String name;
    private ColumnType type;
    private boolean declared;
    private final int position;

    /**
     * @param name destination name
     * @param type current type
     * @param declared whether {@code schema()} declared the type
     * @param position index among the table's data columns
     */
    public ColumnModel(String name, ColumnType type, boolean declared, int position) {
        this.name = name;
        this.type = type;
        this.declared = declared;
        this.position = position;
    }

    /** @return destination name */
    public String name() {
        return name;
    }

    /** @return current type */
    public ColumnType type() {
        return type;
    }

    /** @param type the widened type */
    public void widenTo(ColumnType type) {
        this.type = type;
    }

    /** Marks the column as declared by {@code schema()}: its type no longer widens. */
    public void declare() {
        this.declared = true;
    }

    /** @return whether {@code schema()} declared the type */
    public boolean declared() {
        return declared;
    }

    /** @return index among the table's data columns */
    public int position() {
        return position;
    }

    @Override
    public String toString() {
        return name + " " + type;
    }
}
