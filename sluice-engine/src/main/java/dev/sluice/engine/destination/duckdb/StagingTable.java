package dev.sluice.engine.destination.duckdb;

import dev.sluice.engine.destination.RowOperation;
import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.engine.schema.WrittenKeys;
import dev.sluice.sdk.SyncException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;

/**
 * The TEMP staging table of one destination table: operations appended through a DuckDB Appender
 * (columns {@code _seq}, {@code _op}, {@code _mask}, then the data columns by position as
 * {@code c0, c1, ...}) and grouped into {@link Segment}s, runs of same-kind operations applied in
 * order at a flush. Not thread-safe.
 */
final class StagingTable {

    /**
     * A run of same-kind operations: staged rows from sequence number {@code first} up to the next
     * segment's first. An upsert segment also counts its rows and notes whether a key repeats.
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

    /** Segments at most before a flush is forced, so that one flush's statements stay few. */
    static final int MAX_SEGMENTS = 64;

    private final DuckDbDatabase database;
    private final TableModel table;
    private final String name;
    private final List<Segment> segments = new ArrayList<>();
    private DuckDBAppender appender;
    private RowAppender[] columnAppenders;
    private int[] keyPositions;
    private boolean exists;
    private long nextSeq;

    /**
     * @param database the connection
     * @param table the table staged for
     * @param number a number unique among the sync's tables, for the stage's name
     */
    StagingTable(DuckDbDatabase database, TableModel table, int number) {
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
        if (!continues(op)) {
            segments.add(new Segment(op, nextSeq));
        }
        if (op == RowOperation.UPSERT) {
            Segment segment = segments.get(segments.size() - 1);
            if (!segment.stagedKeys.add(WrittenKeys.keyOf(values, keyPositions()))) {
                segment.repeatsKey = true;
            }
            segment.staged++;
        }
        ensureExists();
        try {
            appender.beginRow().append(nextSeq).append((byte) op.ordinal());
            if (mask == null) {
                appender.appendNull();
            } else {
                appender.append(mask);
            }
            for (int i = 0; i < columnAppenders.length; i++) {
                columnAppenders[i].append(appender, i < values.length ? values[i] : null);
            }
            appender.endRow();
        } catch (SQLException e) {
            throw new SyncException("Cannot stage a row of table '" + table.name() + "': " + e.getMessage(), e);
        }
        nextSeq++;
    }

    /**
     * Hands the staged rows to DuckDB and ends the segments.
     *
     * @return the segments staged since the last call, in order
     */
    List<Segment> drain() {
        if (appender != null) {
            try {
                appender.flush();
            } catch (SQLException e) {
                throw new SyncException("Cannot stage rows of table '" + table.name() + "': " + e.getMessage(), e);
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            segments.get(i).end = i + 1 < segments.size() ? segments.get(i + 1).first : nextSeq;
        }
        List<Segment> drained = List.copyOf(segments);
        segments.clear();
        return drained;
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

    private int[] keyPositions() {
        if (keyPositions == null) {
            keyPositions = table.keyPositions();
        }
        return keyPositions;
    }

    private void ensureExists() {
        if (exists) {
            return;
        }
        List<ColumnModel> columns = table.columns();
        StringJoiner definition = new StringJoiner(", ");
        definition.add("_seq BIGINT").add("_op TINYINT").add("_mask VARCHAR");
        columnAppenders = new RowAppender[columns.size()];
        for (ColumnModel column : columns) {
            definition.add(column(column) + " " + DuckDbTypes.sqlType(column.type()));
            columnAppenders[column.position()] = RowAppender.forType(column.type());
        }
        database.execute("CREATE OR REPLACE TEMP TABLE " + name + " (" + definition + ")");
        try {
            appender = database.connection().createAppender("temp", "main", name);
        } catch (SQLException e) {
            throw new SyncException("Cannot open an appender for table '" + table.name() + "': " + e.getMessage(), e);
        }
        exists = true;
    }

    /** Drops the stage (its rows were applied), so that the table's columns may change. */
    void drop() {
        if (!exists) {
            return;
        }
        closeAppender();
        database.execute("DROP TABLE IF EXISTS " + name);
        exists = false;
    }

    /** Forgets the stage without dropping it: the connection is closing, and TEMP tables go with it. */
    void connectionClosing() {
        closeAppender();
        exists = false;
    }

    private void closeAppender() {
        if (appender != null) {
            try {
                appender.close();
            } catch (SQLException ignored) {
                // rows were flushed already; nothing is lost
            }
            appender = null;
        }
    }
}
