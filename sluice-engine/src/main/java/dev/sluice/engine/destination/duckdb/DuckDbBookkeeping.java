package dev.sluice.engine.destination.duckdb;

import dev.sluice.engine.destination.CheckpointState;
import dev.sluice.engine.destination.Sql;
import dev.sluice.engine.destination.StoredState;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.sdk.SyncException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sluice's own tables in a DuckDB file, schema {@code _sluice}: the state of each synced schema's
 * last checkpoint (written in the same transaction as its data) and the primary keys still to be
 * added to tables a sync created. One row per synced schema, so several connections can share one
 * file. Not thread-safe.
 */
final class DuckDbBookkeeping {

    private static final String STATE = "_sluice.checkpoint_state";
    private static final String DEFERRED_KEYS = "_sluice.deferred_keys";
    private static final String SETTINGS = "_sluice.schema_settings";
    /** The tables of files written before schemas had rows of their own; they held schema {@code tester}. */
    private static final String OLD_STATE = "_sluice.sync_state";

    private static final String OLD_KEYS = "_sluice.pending_keys";

    private final DuckDbDatabase database;
    private final String schema;
    private PreparedStatement updateState;

    DuckDbBookkeeping(DuckDbDatabase database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    /**
     * Creates the {@code _sluice} tables.
     *
     * @param statement a statement on the file
     * @throws SQLException as DuckDB reports it
     */
    static void create(Statement statement) throws SQLException {
        statement.execute("CREATE SCHEMA IF NOT EXISTS _sluice");
        statement.execute("CREATE TABLE IF NOT EXISTS " + STATE + " (schema_name VARCHAR PRIMARY KEY,"
                + " state VARCHAR NOT NULL, previous_state VARCHAR, saved_at TIMESTAMPTZ NOT NULL)");
        statement.execute(
                "CREATE TABLE IF NOT EXISTS " + DEFERRED_KEYS + " (schema_name VARCHAR NOT NULL,"
                        + " table_name VARCHAR NOT NULL, key_columns VARCHAR[] NOT NULL, PRIMARY KEY (schema_name, table_name))");
        statement.execute("CREATE TABLE IF NOT EXISTS " + SETTINGS
                + " (schema_name VARCHAR PRIMARY KEY, naming VARCHAR NOT NULL)");
    }

    /**
     * Creates what a sync needs (the {@code _sluice} tables and its schema) and moves the rows of a
     * file written by an earlier version into the current tables, in one transaction.
     */
    void prepare() {
        database.begin();
        try (Statement statement = database.connection().createStatement()) {
            create(statement);
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.quote(schema));
            if (exists("sync_state")) {
                statement.execute("INSERT OR IGNORE INTO " + STATE + " SELECT 'tester', state, previous_state, saved_at"
                        + " FROM " + OLD_STATE + " WHERE id = 1");
                statement.execute("DROP TABLE " + OLD_STATE);
            }
            if (exists("pending_keys")) {
                statement.execute("INSERT OR IGNORE INTO " + DEFERRED_KEYS + " SELECT 'tester', table_name, key_columns"
                        + " FROM " + OLD_KEYS);
                statement.execute("DROP TABLE " + OLD_KEYS);
            }
        } catch (SQLException e) {
            database.rollbackQuietly();
            throw DuckDbErrors.openFailed(database.file(), e);
        }
        database.commit();
    }

    private boolean exists(String table) {
        boolean[] found = new boolean[1];
        database.query(
                "SELECT 1 FROM duckdb_tables() WHERE schema_name = '_sluice' AND table_name = " + Sql.literal(table),
                rs -> found[0] = true);
        return found[0];
    }

    /** @return the state committed with the schema's last checkpoint, or null */
    StoredState storedState() {
        StoredState[] result = new StoredState[1];
        database.query(
                "SELECT state, previous_state FROM " + STATE + " WHERE schema_name = " + Sql.literal(schema),
                rs -> result[0] = new StoredState(rs.getString(1), rs.getString(2)));
        return result[0];
    }

    /**
     * Records a checkpoint's state in the open transaction.
     *
     * @param checkpoint the state and the one it replaces
     */
    void saveState(CheckpointState checkpoint) {
        try {
            if (updateState == null) {
                updateState = database.connection()
                        .prepareStatement("INSERT OR REPLACE INTO " + STATE + " VALUES (?, ?, ?, now())");
            }
            updateState.setString(1, schema);
            updateState.setString(2, checkpoint.json());
            updateState.setString(3, checkpoint.previousJson());
            updateState.execute();
        } catch (SQLException e) {
            throw new SyncException("Cannot save state in the warehouse " + database.file() + ": " + e.getMessage(), e);
        }
    }

    /** @return the naming rule recorded for the schema, or null */
    String recordedNaming() {
        String[] naming = new String[1];
        database.query(
                "SELECT naming FROM " + SETTINGS + " WHERE schema_name = " + Sql.literal(schema),
                rs -> naming[0] = rs.getString(1));
        return naming[0];
    }

    /**
     * Records, in the open transaction, the naming rule of the schema's tables; only when none is
     * recorded.
     *
     * @param naming the rule's name
     */
    void recordNaming(String naming) {
        database.execute(
                "INSERT INTO " + SETTINGS + " VALUES (" + Sql.literal(schema) + ", " + Sql.literal(naming) + ")");
    }

    /** @return the schema's tables whose primary key is still to be added, with their key columns */
    Map<String, List<String>> deferredKeys() {
        Map<String, List<String>> pending = new LinkedHashMap<>();
        database.query(
                "SELECT table_name, key_columns FROM " + DEFERRED_KEYS + " WHERE schema_name = " + Sql.literal(schema),
                rs -> pending.put(
                        rs.getString(1), names((Object[]) rs.getArray(2).getArray())));
        return pending;
    }

    static List<String> names(Object[] array) {
        List<String> names = new ArrayList<>();
        for (Object name : array) {
            names.add((String) name);
        }
        return names;
    }

    /**
     * Records, in the open transaction, that a table's primary key is to be added when the sync ends.
     *
     * @param table the table
     */
    void deferKey(TableModel table) {
        try (PreparedStatement insert = database.connection()
                .prepareStatement("INSERT OR REPLACE INTO " + DEFERRED_KEYS + " VALUES (?, ?, ?)")) {
            insert.setString(1, schema);
            insert.setString(2, table.name());
            insert.setArray(
                    3,
                    database.connection()
                            .createArrayOf("VARCHAR", table.keyNames().toArray()));
            insert.execute();
        } catch (SQLException e) {
            throw new SyncException(
                    "Cannot record the primary key of table '" + table.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Records, in the open transaction, that a table's deferred key was added.
     *
     * @param table the table
     */
    void keyAdded(TableModel table) {
        database.execute("DELETE FROM " + DEFERRED_KEYS + " WHERE schema_name = " + Sql.literal(schema)
                + " AND table_name = " + Sql.literal(table.name()));
    }

    /** Releases the prepared statement; the connection may be closed or reopened next. */
    void connectionClosing() {
        if (updateState != null) {
            try {
                updateState.close();
            } catch (SQLException ignored) {
                // the connection's close releases it too
            }
            updateState = null;
        }
    }
}
