package dev.sluice.engine.destination.duckdb;

import dev.sluice.engine.destination.Sql;
import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.TableModel;
import java.util.StringJoiner;

/**
 * The set-based statements that apply a staging table's segments to its destination table: one
 * statement (two for a delete-and-insert) per segment, whatever its number of rows. Not thread-safe.
 */
final class StagedChanges {

    /** How a segment of upserts reaches the table. */
    enum UpsertMethod {
        /** The table is empty: insert. */
        INSERT,
        /** Update matching rows in place and insert the others; fast, but DuckDB holds memory for what it updates. */
        MERGE,
        /** Delete the matching rows, then insert every row; needs no memory DuckDB cannot write to disk. */
        DELETE_INSERT
    }

    private final DuckDbDatabase database;
    private final TableModel table;
    private final StagingTable stage;
    private final String target;

    StagedChanges(DuckDbDatabase database, TableModel table, StagingTable stage, String target) {
        this.database = database;
        this.table = table;
        this.stage = stage;
        this.target = target;
    }

    /**
     * Applies a segment of upserts: the last staged row of each key replaces the table's row with that
     * key (a soft-deleted row comes back).
     */
    void upserts(StagingTable.Segment segment, String syncedSql, UpsertMethod method) {
        String rows = "(SELECT * FROM " + stage.name() + " WHERE " + segment.range()
                + (segment.repeatsKey
                        ? " QUALIFY row_number() OVER (PARTITION BY " + stage.keyColumns() + " ORDER BY _seq DESC) = 1"
                        : "")
                + ")";
        StringJoiner dataColumns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (ColumnModel column : table.columns()) {
            dataColumns.add(Sql.quote(column.name()));
            values.add("s." + StagingTable.column(column));
        }
        dataColumns.add(Sql.quote(TableModel.SYNCED)).add(Sql.quote(TableModel.DELETED));
        values.add(syncedSql).add("false");
        String insert = "INSERT INTO " + target + " (" + dataColumns + ") SELECT " + values + " FROM " + rows + " s";
        switch (method) {
            case INSERT -> database.execute(insert);
            case MERGE -> {
                StringJoiner set = new StringJoiner(", ");
                for (ColumnModel column : table.columns()) {
                    if (!table.isKey(column)) {
                        set.add(Sql.quote(column.name()) + " = s." + StagingTable.column(column));
                    }
                }
                set.add(Sql.quote(TableModel.SYNCED) + " = " + syncedSql)
                        .add(Sql.quote(TableModel.DELETED) + " = false");
                database.execute("MERGE INTO " + target + " USING " + rows + " AS s ON (" + keyMatch() + ")"
                        + " WHEN MATCHED THEN UPDATE SET " + set
                        + " WHEN NOT MATCHED THEN INSERT (" + dataColumns + ") VALUES (" + values + ")");
            }
            case DELETE_INSERT -> {
                database.execute(
                        "DELETE FROM " + target + " USING " + distinctKeys(segment) + " s WHERE " + keyMatch());
                database.execute(insert);
            }
        }
    }

    /** Applies a segment of updates: for each key, the last value staged for each column an update set. */
    void updates(StagingTable.Segment segment, String syncedSql) {
        StringJoiner set = new StringJoiner(", ");
        StringJoiner composed = new StringJoiner(", ");
        composed.add(stage.keyColumns());
        for (ColumnModel column : table.columns()) {
            if (table.isKey(column)) {
                continue;
            }
            int p = column.position();
            String isSet = "substr(_mask, " + (p + 1) + ", 1) = '1'";
            composed.add("arg_max_null(" + StagingTable.column(column) + ", CASE WHEN " + isSet + " THEN _seq END) AS v"
                    + p);
            composed.add("bool_or(" + isSet + ") AS m" + p);
            set.add(Sql.quote(column.name()) + " = CASE WHEN s.m" + p + " THEN s.v" + p + " ELSE " + target + "."
                    + Sql.quote(column.name()) + " END");
        }
        set.add(Sql.quote(TableModel.SYNCED) + " = " + syncedSql);
        database.execute("UPDATE " + target + " SET " + set + " FROM (SELECT " + composed + " FROM " + stage.name()
                + " WHERE " + segment.range() + " GROUP BY " + stage.keyColumns() + ") s WHERE " + keyMatch());
    }

    /** Applies a segment of deletes: soft-deletes the rows with those keys. */
    void deletes(StagingTable.Segment segment, String syncedSql) {
        database.execute("UPDATE " + target + " SET " + Sql.quote(TableModel.DELETED) + " = true, "
                + Sql.quote(TableModel.SYNCED) + " = " + syncedSql + " FROM " + distinctKeys(segment) + " s WHERE "
                + keyMatch());
    }

    /**
     * Soft-deletes every row of the table.
     *
     * @param syncedSql the write time as SQL
     */
    void truncate(String syncedSql) {
        database.execute("UPDATE " + target + " SET " + Sql.quote(TableModel.DELETED) + " = true, "
                + Sql.quote(TableModel.SYNCED) + " = " + syncedSql + " WHERE NOT " + Sql.quote(TableModel.DELETED));
    }

    private String distinctKeys(StagingTable.Segment segment) {
        return "(SELECT DISTINCT " + stage.keyColumns() + " FROM " + stage.name() + " WHERE " + segment.range() + ")";
    }

    private String keyMatch() {
        StringJoiner match = new StringJoiner(" AND ");
        for (String key : table.keyNames()) {
            match.add(target + "." + Sql.quote(key) + " = s." + StagingTable.column(table.column(key)));
        }
        return match.toString();
    }
}
