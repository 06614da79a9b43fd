package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.destination.CheckpointState;
import dev.sluice.engine.destination.StoredState;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.sdk.SyncException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sluice's own tables in a PostgreSQL database, schema {@code _sluice}: the state of each synced
 * schema's last checkpoint (written in the same transaction as its data) and the primary keys still
 * to be added to tables a sync created. One row per synced schema, so that many connections (and
 * many processes) share one database. Not thread-safe.
 */
final class PostgresBookkeeping {

    private static final String STATE = "_sluice.checkpoint_state";
    private static final String DEFERRED_KEYS = "_sluice.deferred_keys";
    private static final String SETTINGS = "_sluice.schema_settings";

    private final PostgresDatabase database;
    private final String schema;

    PostgresBookkeeping(PostgresDatabase database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    /**
     * Creates what a sync needs, the {@code _sluice} tables and its schema, each only when missing (so
     * that a user without the privilege to create schemas can write one made for it), and commits.
     */
    void prepare() {
        createSchemaIfMissing("_sluice");
        database.execute("CREATE TABLE IF NOT EXISTS " + STATE + " (schema_name text PRIMARY KEY,"
                + " state text NOT NULL, previous_state text, saved_at timestamptz NOT NULL)");
        database.execute("CREATE TABLE IF NOT EXISTS " + DEFERRED_KEYS + " (schema_name text NOT NULL,"
                + " table_name text NOT NULL, key_columns text[] NOT NULL, PRIMARY KEY (schema_name, table_name))");
        database.execute(
                "CREATE TABLE IF NOT EXISTS " + SETTINGS + " (schema_name text PRIMARY KEY, naming text NOT NULL)");
        createSchemaIfMissing(schema);
        database.commit();
    }

    private void createSchemaIfMissing(String name) {
        boolean[] exists = new boolean[1];
        database.query("SELECT 1 FROM pg_namespace WHERE nspname = ?", rs -> exists[0] = true, name);
        if (!exists[0]) {
            database.execute("CREATE SCHEMA IF NOT EXISTS " + PostgresSql.quote(name));
        }
    }

    /** @return the state committed with the schema's last checkpoint, or null */
    StoredState storedState() {
        StoredState[] result = new StoredState[1];
        database.query(
                "SELECT state, previous_state FROM " + STATE + " WHERE schema_name = ?",
                rs -> result[0] = new StoredState(rs.getString(1), rs.getString(2)),
                schema);
        return result[0];
    }

    /**
     * Records a checkpoint's state in the open transaction.
     *
     * @param checkpoint the state and the one it replaces
     */
    void saveState(CheckpointState checkpoint) {
        try (PreparedStatement save = database.connection()
                .prepareStatement("INSERT INTO " + STATE + " VALUES (?, ?, ?, now()) ON CONFLICT (schema_name)"
                        + " DO UPDATE SET state = EXCLUDED.state, previous_state = EXCLUDED.previous_state,"
                        + " saved_at = EXCLUDED.saved_at")) {
            save.setString(1, schema);
            save.setString(2, checkpoint.json());
            save.setString(3, checkpoint.previousJson());
            save.execute();
        } catch (SQLException e) {
            throw PostgresErrors.statementFailed(database, "saving the state of schema " + schema, e);
        }
    }

    /** @return the naming rule recorded for the schema, or null */
    String recordedNaming() {
        String[] naming = new String[1];
        database.query(
                "SELECT naming FROM " + SETTINGS + " WHERE schema_name = ?", rs -> naming[0] = rs.getString(1), schema);
        return naming[0];
    }

    /**
     * Records, in the open transaction, the naming rule of the schema's tables.
     *
     * @param naming the rule's name
     */
    void recordNaming(String naming) {
        database.query(
                "INSERT INTO " + SETTINGS + " VALUES (?, ?) ON CONFLICT (schema_name) DO UPDATE SET naming ="
                        + " EXCLUDED.naming RETURNING 1",
                rs -> {},
                schema,
                naming);
    }

    /** @return the schema's tables whose primary key is still to be added, with their key columns */
    Map<String, List<String>> deferredKeys() {
        Map<String, List<String>> pending = new LinkedHashMap<>();
        database.query(
                "SELECT table_name, key_columns FROM " + DEFERRED_KEYS + " WHERE schema_name = ?",
                rs -> pending.put(rs.getString(1), names(rs.getArray(2))),
                schema);
        return pending;
    }

    private static List<String> names(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(String.class::cast)
                .toList();
    }

    /**
     * Records, in the open transaction, that a table's primary key is to be added when the sync ends.
     *
     * @param table the table
     */
    void deferKey(TableModel table) {
        try (PreparedStatement insert = database.connection()
                .prepareStatement("INSERT INTO " + DEFERRED_KEYS + " VALUES (?, ?, ?) ON CONFLICT (schema_name,"
                        + " table_name) DO UPDATE SET key_columns = EXCLUDED.key_columns")) {
            insert.setString(1, schema);
            insert.setString(2, table.name());
            insert.setArray(
                    3,
                    database.connection().createArrayOf("text", table.keyNames().toArray()));
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
        database.query(
                "DELETE FROM " + DEFERRED_KEYS + " WHERE schema_name = ? AND table_name = ? RETURNING 1",
                rs -> {},
                schema,
                table.name());
    }
}
