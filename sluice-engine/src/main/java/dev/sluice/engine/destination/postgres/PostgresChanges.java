package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.TableModel;
import java.util.StringJoiner;

/**
 * The set-based statements that apply a staging table's segments to its destination table: one
 * statement (two for a delete-and-insert) per segment, whatever its number of rows. Not thread-safe.
 */
final class PostgresChanges {

    /** How a segment of upserts reaches the table. */
    enum UpsertMethod {
        /** The table is empty: insert. */
        INSERT,
        /** The table has its primary key: insert, and update the rows whose key is taken. */
        ON_CONFLICT,
        /** The table's primary key is still to be added: delete the rows with those keys, then insert. */
        DELETE_INSERT
    }

    private static final String SYNCED = PostgresSql.quote(TableModel.SYNCED);
    private static final String DELETED = PostgresSql.quote(TableModel.DELETED);

    private final PostgresDatabase database;
    private final TableModel table;
    private final PostgresStage stage;
    private final String target;

    PostgresChanges(PostgresDatabase database, TableModel table, PostgresStage stage, String target) {
        this.database = database;
        this.table = table;
        this.stage = stage;
        this.target = target;
    }

    /**
     * Applies a segment of upserts: the last staged row of each key replaces the table's row with that
     * key (a soft-deleted row comes back).
     */
    void upserts(PostgresStage.Segment segment, String syncedSql, UpsertMethod method) {
        String rows = segment.repeatsKey
                ? "(SELECT DISTINCT ON (" + stage.keyColumns() + ") * FROM " + stage.name() + " WHERE "
                        + segment.range() + " ORDER BY " + stage.keyColumns() + ", _seq DESC)"
                : "(SELECT * FROM " + stage.name() + " WHERE " + segment.range() + ")";
        StringJoiner dataColumns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        StringJoiner set = new StringJoiner(", ");
        for (ColumnModel column : table.columns()) {
            String name = PostgresSql.quote(column.name());
            dataColumns.add(name);
            values.add("s." + PostgresStage.column(column));
            if (!table.isKey(column)) {
                set.add(name + " = EXCLUDED." + name);
            }
        }
        dataColumns.add(SYNCED).add(DELETED);
        values.add(syncedSql).add("false");
        set.add(SYNCED + " = EXCLUDED." + SYNCED).add(DELETED + " = false");
        String insert = "INSERT INTO " + target + " (" + dataColumns + ") SELECT " + values + " FROM " + rows + " s";
        switch (method) {
            case INSERT -> database.execute(insert);
            case ON_CONFLICT -> database.execute(insert + " ON CONFLICT (" + keyNames() + ") DO UPDATE SET " + set);
            case DELETE_INSERT -> {
                database.execute(
                        "DELETE FROM " + target + " t USING " + distinctKeys(segment) + " s WHERE " + keyMatch());
                database.execute(insert);
            }
        }
    }

    /** Applies a segment of updates: for each key, the last value staged for each column an update set. */
    void updates(PostgresStage.Segment segment, String syncedSql) {
        StringJoiner set = new StringJoiner(", ");
        StringJoiner composed = new StringJoiner(", ");
        composed.add(stage.keyColumns());
        for (ColumnModel column : table.columns()) {
            if (table.isKey(column)) {
                continue;
            }
            int p = column.position();
            String isSet = "substr(_mask, " + (p + 1) + ", 1) = '1'";
            composed.add("(array_agg(" + PostgresStage.column(column) + " ORDER BY _seq DESC) FILTER (WHERE " + isSet
                    + "))[1] AS v" + p);
            composed.add("bool_or(" + isSet + ") AS m" + p);
            String name = PostgresSql.quote(column.name());
            set.add(name + " = CASE WHEN s.m" + p + " THEN s.v" + p + " ELSE t." + name + " END");
        }
        set.add(SYNCED + " = " + syncedSql);
        database.execute("UPDATE " + target + " t SET " + set + " FROM (SELECT " + composed + " FROM " + stage.name()
                + " WHERE " + segment.range() + " GROUP BY " + stage.keyColumns() + ") s WHERE " + keyMatch());
    }

    /** Applies a segment of deletes: soft-deletes the rows with those keys. */
    void deletes(PostgresStage.Segment segment, String syncedSql) {
        database.execute("UPDATE " + target + " t SET " + DELETED + " = true, " + SYNCED + " = " + syncedSql + " FROM "
                + distinctKeys(segment) + " s WHERE " + keyMatch());
    }

    /**
     * Soft-deletes every row of the table.
     *
     * @param syncedSql the write time as SQL
     */
    void truncate(String syncedSql) {
        database.execute("UPDATE " + target + " SET " + DELETED + " = true, " + SYNCED + " = " + syncedSql
                + " WHERE NOT " + DELETED);
    }

    private String distinctKeys(PostgresStage.Segment segment) {
        return "(SELECT DISTINCT " + stage.keyColumns() + " FROM " + stage.name() + " WHERE " + segment.range() + ")";
    }

    private String keyNames() {
        StringJoiner keys = new StringJoiner(", ");
        table.keyNames().forEach(key -> keys.add(PostgresSql.quote(key)));
        return keys.toString();
    }

    private String keyMatch() {
        StringJoiner match = new StringJoiner(" AND ");
        for (String key : table.keyNames()) {
            match.add("t." + PostgresSql.quote(key) + " = s." + PostgresStage.column(table.column(key)));
        }
        return match.toString();
    }
}
