package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.destination.CheckpointState;
import dev.sluice.engine.destination.Destination;
import dev.sluice.engine.destination.StoredState;
import dev.sluice.engine.destination.TableWriter;
import dev.sluice.engine.destination.WriteLimits;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.sdk.SyncException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A schema of a PostgreSQL database as a sync's destination, with the {@code _sluice} bookkeeping
 * that keeps each checkpoint's state in the same transaction as its data. The sync holds a
 * session-level advisory lock on its schema, so that two syncs into one schema (from any process)
 * never interleave. Rows travel by {@code COPY} only; tables the sync creates get their primary key
 * at the end, in bulk. Not thread-safe (see {@link Destination}).
 */
public final class PostgresDestination implements Destination {

    /** Estimated bytes of rows between flushes: the rows are on the server already, so this only bounds a flush's work. */
    private static final long FLUSH_BYTES = 64L << 20;
    /** PostgreSQL keeps no memory for an open transaction's rows: commit without a checkpoint rarely. */
    private static final long COMMIT_BYTES = 1L << 30;
    /** The first key of Sluice's advisory locks ("sluc"). */
    private static final int LOCK_SPACE = 0x736c7563;

    private final PostgresDatabase database;
    private final String schema;
    private final PostgresCatalog catalog;
    private final PostgresBookkeeping bookkeeping;
    private final List<PostgresTableWriter> writers = new ArrayList<>();
    private final WriteLimits limits;
    private boolean closed;

    private PostgresDestination(PostgresDatabase database, int flushRows, int commitRows) {
        this.database = database;
        this.schema = database.config().schema();
        this.catalog = new PostgresCatalog(database, schema);
        this.bookkeeping = new PostgresBookkeeping(database, schema);
        this.limits = new WriteLimits(flushRows, FLUSH_BYTES, commitRows, COMMIT_BYTES);
    }

    /**
     * Connects, takes the schema's lock, creates the {@code _sluice} tables and the schema when
     * missing, and opens a transaction.
     *
     * @param config where
     * @param flushRows operations between flushes
     * @param commitRows operations between commits
     * @return the destination
     * @throws SyncException when the server is unreachable, the login or database is refused, the
     *     schema cannot be created or written, or another sync holds it
     */
    public static PostgresDestination open(DestinationConfig.Postgres config, int flushRows, int commitRows) {
        PostgresDatabase database = PostgresDatabase.open(config);
        try {
            PostgresDestination destination = new PostgresDestination(database, flushRows, commitRows);
            destination.lockSchema();
            destination.bookkeeping.prepare();
            return destination;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private void lockSchema() {
        boolean[] locked = new boolean[1];
        database.query(
                "SELECT pg_try_advisory_lock(" + LOCK_SPACE + ", hashtext(?))",
                rs -> locked[0] = rs.getBoolean(1),
                schema);
        database.commit();
        if (!locked[0]) {
            throw new SyncException(describe() + " is in use by another sync: wait for it to finish and try again"
                    + " (two syncs into one schema would interleave their tables and state)");
        }
    }

    @Override
    public String describe() {
        return database.config().describe();
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public Map<String, TableModel> loadTables() {
        return catalog.loadTables(bookkeeping.deferredKeys());
    }

    @Override
    public StoredState storedState() {
        return bookkeeping.storedState();
    }

    @Override
    public String recordedNaming() {
        return bookkeeping.recordedNaming();
    }

    @Override
    public void recordNaming(String naming) {
        bookkeeping.recordNaming(naming);
    }

    @Override
    public TableWriter writer(TableModel table) {
        PostgresTableWriter writer =
                new PostgresTableWriter(database, catalog, bookkeeping, schema, table, writers.size());
        writers.add(writer);
        return writer;
    }

    @Override
    public WriteLimits limits() {
        return limits;
    }

    @Override
    public void commit(CheckpointState checkpoint) {
        if (checkpoint != null) {
            bookkeeping.saveState(checkpoint);
        }
        database.commit();
    }

    /** Adds the primary keys of the tables the sync created (or an earlier sync that died created), and commits. */
    @Override
    public void finish(Collection<TableModel> tables) {
        tables.stream()
                .filter(TableModel::keyPending)
                .filter(table -> writers.stream().noneMatch(w -> w.table() == table))
                .forEach(this::writer);
        boolean added = false;
        for (PostgresTableWriter writer : writers) {
            if (writer.table().keyPending()) {
                writer.addDeferredPrimaryKey();
                added = true;
            }
        }
        if (added) {
            database.commit();
        }
    }

    @Override
    public void rollback() {
        database.rollbackQuietly();
        writers.forEach(PostgresTableWriter::rolledBack);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        unlockSchema();
        database.close();
    }

    /**
     * Releases the schema's lock while the session is still open: a closed session's locks go only
     * as its server process exits, which the next sync into the schema can beat.
     */
    private void unlockSchema() {
        database.rollbackQuietly();
        try {
            database.query("SELECT pg_advisory_unlock(" + LOCK_SPACE + ", hashtext(?))", rs -> {}, schema);
        } catch (SyncException e) {
            // the connection is broken: the server releases the lock as the session ends
        }
    }
}
