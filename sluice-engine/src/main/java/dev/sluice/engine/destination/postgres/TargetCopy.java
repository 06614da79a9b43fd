package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.sdk.DataType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.StringJoiner;

/**
 * Appended rows of one table (keys the sync never wrote before), sent straight into the table by
 * {@code COPY} whenever {@value PostgresStage#SEND_BYTES} bytes are buffered, and at a flush. Not
 * thread-safe.
 */
final class TargetCopy {

    private final PostgresDatabase database;
    private final TableModel table;
    private final String target;
    private final CopyRows rows = new CopyRows();
    private DataType[] types;
    private String copySql;

    TargetCopy(PostgresDatabase database, TableModel table, String target) {
        this.database = database;
        this.table = table;
        this.target = target;
    }

    /**
     * @param values the row's canonical values by column position
     * @param synced its write time
     */
    void append(Object[] values, Instant synced) {
        prepare();
        PostgresValues.addRow(rows, table, types, values);
        rows.addUtcTimestamp(ChronoUnit.MICROS.between(Instant.EPOCH, synced));
        rows.addPlain("f");
        rows.endRow();
        if (rows.size() >= PostgresStage.SEND_BYTES) {
            flush();
        }
    }

    /** Sends the buffered rows. */
    void flush() {
        if (rows.rows() > 0) {
            rows.sendTo(database, copySql);
        }
    }

    /** Sends the buffered rows and forgets the columns, which are about to change. */
    void close() {
        flush();
        types = null;
    }

    /** Forgets the buffered rows: their transaction was rolled back. */
    void rolledBack() {
        rows.clear();
        types = null;
    }

    private void prepare() {
        if (types != null) {
            return;
        }
        List<ColumnModel> columns = table.columns();
        types = new DataType[columns.size()];
        StringJoiner names = new StringJoiner(", ");
        for (ColumnModel column : columns) {
            types[column.position()] = column.type().type();
            names.add(PostgresSql.quote(column.name()));
        }
        names.add(PostgresSql.quote(TableModel.SYNCED)).add(PostgresSql.quote(TableModel.DELETED));
        copySql = "COPY " + target + " (" + names + ") FROM STDIN";
    }
}
