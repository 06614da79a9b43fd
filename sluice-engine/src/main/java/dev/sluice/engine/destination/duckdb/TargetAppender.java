package dev.sluice.engine.destination.duckdb;

import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.sdk.SyncException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.duckdb.DuckDBAppender;

/**
 * Appends rows straight into a destination table through a DuckDB Appender, in the table's
 * physical column order, filling the system columns. For upserts whose key the table certainly does
 * not hold. Not thread-safe.
 */
final class TargetAppender {

    private static final int SYNCED_SLOT = -1;
    private static final int DELETED_SLOT = -2;

    private final DuckDbDatabase database;
    private final DuckDbCatalog catalog;
    private final String schema;
    private final TableModel table;
    private DuckDBAppender appender;
    private int[] layout;
    private RowAppender[] appenders;
    private Instant lastSynced;
    private long lastSyncedMicros;

    TargetAppender(DuckDbDatabase database, DuckDbCatalog catalog, String schema, TableModel table) {
        this.database = database;
        this.catalog = catalog;
        this.schema = schema;
        this.table = table;
    }

    /**
     * @param row canonical values by column position
     * @param synced the row's write time
     */
    @SuppressWarnings("ReferenceEquality") // a cache keyed on the very Instant a batch shares
    void append(Object[] row, Instant synced) {
        ensureOpen();
        if (synced != lastSynced) {
            lastSynced = synced;
            lastSyncedMicros = synced.getEpochSecond() * 1_000_000L + synced.getNano() / 1000;
        }
        try {
            appender.beginRow();
            for (int slot = 0; slot < layout.length; slot++) {
                int position = layout[slot];
                if (position >= 0) {
                    appenders[slot].append(appender, position < row.length ? row[position] : null);
                } else if (position == SYNCED_SLOT) {
                    appender.appendEpochMicros(lastSyncedMicros);
                } else {
                    appender.append(false);
                }
            }
            appender.endRow();
        } catch (SQLException e) {
            throw new SyncException("Cannot write a row of table '" + table.name() + "': " + e.getMessage(), e);
        }
    }

    /** Hands the appended rows to DuckDB, in the open transaction. */
    void flush() {
        if (appender != null) {
            try {
                appender.flush();
            } catch (SQLException e) {
                throw new SyncException("Cannot write rows of table '" + table.name() + "': " + e.getMessage(), e);
            }
        }
    }

    private void ensureOpen() {
        if (appender != null) {
            return;
        }
        List<String> physical = catalog.columnNames(table.name());
        layout = new int[physical.size()];
        appenders = new RowAppender[physical.size()];
        for (int slot = 0; slot < physical.size(); slot++) {
            String name = physical.get(slot);
            if (name.equals(TableModel.SYNCED)) {
                layout[slot] = SYNCED_SLOT;
            } else if (name.equals(TableModel.DELETED)) {
                layout[slot] = DELETED_SLOT;
            } else {
                ColumnModel column = table.column(name);
                layout[slot] = column.position();
                appenders[slot] = RowAppender.forType(column.type());
            }
        }
        try {
            appender = database.connection().createAppender(schema, table.name());
        } catch (SQLException e) {
            throw new SyncException("Cannot open an appender for table '" + table.name() + "': " + e.getMessage(), e);
        }
    }

    /** Closes the appender (after a flush nothing is lost); the next append opens a new one. */
    void close() {
        if (appender != null) {
            try {
                appender.close();
            } catch (SQLException ignored) {
                // every row was flushed already
            }
            appender = null;
        }
    }
}
