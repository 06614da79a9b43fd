package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.destination.RowOperation;
import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.engine.schema.WrittenKeys;
import dev.sluice.sdk.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The temporary staging table of one destination table: operations encoded for {@code COPY} (columns
 * {@code _seq}, {@code _op}, {@code _mask}, then the data columns by position as {@code c0, c1, ...}),
 * sent whenever {@value #SEND_BYTES} bytes are buffered, and grouped into {@link Segment}s, runs of
 * same-kind operations applied in order at a flush. Not thread-safe.
 */
final class PostgresStage {

    /** Bytes of encoded rows buffered before they are sent by COPY. */
    static final int SEND_BYTES = 4 << 20;

    /** Segments at most before a flush is forced, so that one flush's statements stay few. */
    static final int MAX_SEGMENTS = 64;

    /**
     * A run of same-kind operations: staged rows from sequence number {@code first} up to {@code end}.
     * An upsert segment also counts its rows and notes whether a key repeats.
     */
    static final class Segment {
        final RowOperation op;
        final long first;
        long end;
        final WrittenKeys stagedKeys;
        long staged;
        boolean repeatsKey;

        Segment(RowOperation op, long first) {
            this.op = op;
            this.first = first;
            this.stagedKeys = op == RowOperation.UPSERT ? new WrittenKeys() : null;
        }

        /** @return the SQL condition selecting the segment's staged rows */
        String range() {
            return "_seq >= " + first + " AND _seq < " + end;
        }
    }

    private final PostgresDatabase database;
    private final TableModel table;
    private final String name;
    private final CopyRows rows = new CopyRows();
    private final List<Segment> segments = new ArrayList<>();
    private DataType[] types;
    private int[] keyPositions;
    private String copySql;
    private boolean exists;
    private boolean holdsRows;
    private long nextSeq;

    /**
     * @param database the connection
     * @param table the table staged for
     * @param number a number unique among the sync's tables, for the stage's name
     */
    PostgresStage(PostgresDatabase database, TableModel table, int number) {
        this.database = database;
        this.table = table;
        this.name = "_sluice_stage_" + number;
    }

    /** @return the stage's name */
    String name() {
        return name;
    }

    /** @return whether a new segment would pass {@link #MAX_SEGMENTS} */
    boolean full(RowOperation op) {
        return segments.size() >= MAX_SEGMENTS && !continues(op);
    }

    private boolean continues(RowOperation op) {
        return !segments.isEmpty() && segments.get(segments.size() - 1).op == op;
    }

    /**
     * Stages one operation.
     *
     * @param op the operation (never {@link RowOperation#APPEND})
     * @param values canonical values by column position
     * @param mask the update mask, or null
     */
    void add(RowOperation op, Object[] values, String mask) {
        prepare();
        if (!continues(op)) {
            segments.add(new Segment(op, nextSeq));
        }
        if (op == RowOperation.UPSERT) {
            Segment segment = segments.get(segments.size() - 1);
            if (!segment.stagedKeys.add(WrittenKeys.keyOf(values, keyPositions))) {
                segment.repeatsKey = true;
            }
            segment.staged++;
        }
        rows.addPlain(Long.toString(nextSeq));
        rows.addPlain(Integer.toString(op.ordinal()));
        if (mask == null) {
            rows.addNull();
        } else {
            rows.addPlain(mask);
        }
        PostgresValues.addRow(rows, table, types, values);
        rows.endRow();
        nextSeq++;
        if (rows.size() >= SEND_BYTES) {
            send();
        }
    }

    /**
     * Sends the buffered rows and ends the segments.
     *
     * @return the segments staged since the last call, in order
     */
    List<Segment> drain() {
        send();
        for (int i = 0; i < segments.size(); i++) {
            segments.get(i).end = i + 1 < segments.size() ? segments.get(i + 1).first : nextSeq;
        }
        List<Segment> drained = List.copyOf(segments);
        segments.clear();
        return drained;
    }

    /** Empties the stage after its segments were applied. */
    void clear() {
        if (holdsRows) {
            database.execute("TRUNCATE " + name);
            holdsRows = false;
        }
    }

    /** @return the key columns as the stage names them, e.g. {@code c0, c2} */
    String keyColumns() {
        StringJoiner keys = new StringJoiner(", ");
        for (String key : table.keyNames()) {
            keys.add(column(table.column(key)));
        }
        return keys.toString();
    }

    /**
     * @param column a data column
     * @return its name in the stage
     */
    static String column(ColumnModel column) {
        return "c" + column.position();
    }

    private void prepare() {
        if (types != null) {
            return;
        }
        List<ColumnModel> columns = table.columns();
        types = new DataType[columns.size()];
        StringJoiner definition = new StringJoiner(", ");
        StringJoiner names = new StringJoiner(", ");
        definition.add("_seq bigint").add("_op smallint").add("_mask text");
        names.add("_seq").add("_op").add("_mask");
        for (ColumnModel column : columns) {
            types[column.position()] = column.type().type();
            definition.add(column(column) + " " + PostgresTypes.sqlType(column.type()));
            names.add(column(column));
        }
        keyPositions = table.keyPositions();
        copySql = "COPY " + name + " (" + names + ") FROM STDIN";
        if (!exists) {
            database.execute("DROP TABLE IF EXISTS " + name);
            database.execute("CREATE TEMP TABLE " + name + " (" + definition + ")");
            exists = true;
        }
    }

    private void send() {
        if (rows.rows() > 0) {
            rows.sendTo(database, copySql);
            holdsRows = true;
        }
    }

    /** Drops the stage (its rows were applied), so that the table's columns may change. */
    void drop() {
        if (exists) {
            database.execute("DROP TABLE IF EXISTS " + name);
        }
        exists = false;
        holdsRows = false;
        types = null;
    }

    /** Forgets the stage: the transaction that created it was rolled back. */
    void rolledBack() {
        rows.clear();
        segments.clear();
        exists = false;
        holdsRows = false;
        types = null;
    }
}
