package dev.sluice.engine.naming;

/** The names of the columns Sluice writes itself into every destination table, as Fivetran names them. */
public final class SystemColumns {

    /** When the row was last written (UTC). */
    public static final String SYNCED = "_fivetran_synced";
    /** Whether the row was deleted in the source (soft delete). */
    public static final String DELETED = "_fivetran_deleted";
    /** The synthetic primary key of a table without one: a hash of the row's values. */
    public static final String ID = "_fivetran_id";

    private SystemColumns() {}

    /**
     * @param name a column name
     * @return whether it is one of the system columns
     */
    public static boolean contains(String name) {
        return name.equals(SYNCED) || name.equals(DELETED) || name.equals(ID);
    }
}
