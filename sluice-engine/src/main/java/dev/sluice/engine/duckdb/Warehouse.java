package dev.sluice.engine.duckdb;

import dev.sluice.engine.schema.ColumnType;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.engine.warehouse.Sql;
import dev.sluice.engine.warehouse.WarehouseErrors;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;

/**
 * The local DuckDB warehouse of one sync: one connection to {@code files/warehouse.db}, the
 * {@code tester} schema of synced tables and the {@code _sluice} schema that keeps the last
 * checkpoint's state in the same transaction as its data. Work happens in explicit transactions
 * ({@code BEGIN}/{@code COMMIT} as SQL, so Appender writes belong to them). Not thread-safe.
 */
public final class Warehouse implements AutoCloseable {

    /** Schema of synced tables. */
    public static final String SCHEMA = "tester";
    private static final String STATE_TABLE = "_sluice.sync_state";
    private static final String PENDING_KEYS = "_sluice.pending_keys";
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Warehouse.class);
    private final Path file;
    private final String memoryLimit;
    private long memoryLimitBytes;
    private DuckDBConnection connection;
    private Statement statement;
    private PreparedStatement updateState;
    private boolean inTransaction;

    private Warehouse(Path file, String memoryLimit, DuckDBConnection connection) throws SQLException {
        this.file = file;
        this.memoryLimit = memoryLimit;
        this.connection = connection;
        this.statement = connection.createStatement();
    }

    /**
     * Opens the warehouse file, creating it first when there is none. A new file is made under a
     * temporary name and renamed into place once DuckDB has written it whole, so a process killed
     * while creating it leaves no half-written {@code warehouse.db} behind.
     *
     * @param file the {@code warehouse.db} path
     * @param memoryLimit DuckDB's memory limit, e.g. {@code 512MB}
     * @return the open warehouse
     * @throws SyncException naming the file when it is locked by another process or unreadable
     */
    public static Warehouse open(Path file, String memoryLimit) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new SyncException("Cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        if (!Files.exists(file)) {
            createAtomically(file);
        }
        DuckDBConnection connection = connect(file);
        try {
            Warehouse warehouse = new Warehouse(file, memoryLimit, connection);
            warehouse.configure();
            createSchemas(warehouse.statement);
            return warehouse;
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw WarehouseErrors.openFailed(file, e);
        }
    }

    private static DuckDBConnection connect(Path file) {
        try {
            return DuckDbConnections.open(file).unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw WarehouseErrors.openFailed(file, e);
        }
    }

    private void configure() {
        resetMemoryLimit();
        execute("SET TimeZone = 'UTC'");
    }

    /**
     * Closes the DuckDB connection and opens a new one to the same file, between transactions. DuckDB
     * 1.5 holds memory for rows updated in place until its database closes; reopening returns it.
     * Every appender on the old connection must be closed first.
     *
     * @throws IllegalStateException inside a transaction
     * @throws SyncException naming the file when it cannot be opened again
     */
    public void reopen() {
        if (inTransaction) {
            throw new IllegalStateException("reopen() inside a transaction");
        }
        long start = System.nanoTime();
        closeConnection();
        connection = connect(file);
        try {
            statement = connection.createStatement();
        } catch (SQLException e) {
            throw WarehouseErrors.openFailed(file, e);
        }
        configure();
        LOG.debug("reopened in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private static void createAtomically(Path file) {
        Path creating = file.resolveSibling(file.getFileName() + ".creating");
        Path creatingWal = file.resolveSibling(creating.getFileName() + ".wal");
        try {
            Files.deleteIfExists(creating);
            Files.deleteIfExists(creatingWal);
            try (Connection connection = DuckDbConnections.open(creating);
                 Statement statement = connection.createStatement()) {
                createSchemas(statement);
                statement.execute("CHECKPOINT");
            }
            Files.deleteIfExists(creatingWal);
            Files.move(creating, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw WarehouseErrors.openFailed(file, e);
        } catch (IOException e) {
            throw new SyncException("Cannot create the warehouse " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createSchemas(Statement statement) throws SQLException {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        statement.execute("CREATE SCHEMA IF NOT EXISTS _sluice");
        statement.execute("CREATE TABLE IF NOT EXISTS " + STATE_TABLE + " (id INTEGER PRIMARY KEY,"
                + " state VARCHAR NOT NULL, previous_state VARCHAR, saved_at TIMESTAMPTZ NOT NULL)");
        statement.execute("CREATE TABLE IF NOT EXISTS " + PENDING_KEYS + " (table_name VARCHAR PRIMARY KEY,"
                + " key_columns VARCHAR[] NOT NULL)");
    }

    /** @return the DuckDB connection, for appenders */
    public DuckDBConnection connection() {
        return connection;
    }

    /** @return the warehouse file */
    public Path file() {
        return file;
    }

    /**
     * @param sql a statement
     * @throws SyncException with DuckDB's message and the statement
     */
    public void execute(String sql) {
        try {
            long start = System.nanoTime();
            statement.execute(sql);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} ms: {}", (System.nanoTime() - start) / 1_000_000, abbreviate(sql));
            }
        } catch (SQLException e) {
            throw new SyncException("Warehouse statement failed: " + e.getMessage() + outOfMemoryHint(e)
                    + "\n  in: " + abbreviate(sql), e);
        }
    }

    /**
     * @param e a failure of {@link #execute}
     * @return whether DuckDB ran out of its memory limit
     */
    public static boolean isOutOfMemory(SyncException e) {
        return e.getCause() instanceof SQLException cause && isOutOfMemory(cause);
    }

    private static boolean isOutOfMemory(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Out of Memory") || message.contains("failed to pin block");
    }

    /**
     * Lowers DuckDB's memory limit until {@link #resetMemoryLimit()} or the connection is reopened.
     *
     * @param bytes the new limit
     */
    public void lowerMemoryLimit(long bytes) {
        execute("SET memory_limit = " + Sql.literal((bytes >> 20) + "MiB"));
    }

    /** Sets DuckDB's memory limit to the one the warehouse was opened with. */
    public void resetMemoryLimit() {
        execute("SET memory_limit = " + Sql.literal(memoryLimit));
    }

    private String outOfMemoryHint(SQLException e) {
        if (!isOutOfMemory(e)) {
            return "";
        }
        return "\n  DuckDB reached its memory limit (" + memoryLimit + "): raise it with "
                + dev.sluice.engine.SyncOptions.MEMORY_LIMIT_VARIABLE + "=1GB (the process then needs that much more"
                + " memory); everything before the last checkpoint is kept";
    }

    /**
     * The memory DuckDB cannot evict: what the open transaction's changes hold (values set by
     * UPDATE or MERGE, undo information) and its general allocator, by {@code duckdb_memory()}.
     * Cached table blocks and the TEMP staging tables are left out: DuckDB writes them to disk when
     * it needs room.
     *
     * @return those bytes
     * @throws SyncException when DuckDB cannot say
     */
    public long heldMemoryBytes() {
        try (ResultSet result = statement.executeQuery("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()"
                + " WHERE tag IN ('ALLOCATOR', 'TRANSACTION')")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new SyncException("Warehouse statement failed: " + e.getMessage() + "\n  in: duckdb_memory()", e);
        }
    }

    /** @return DuckDB's memory limit in bytes, as it reports the setting */
    public long memoryLimitBytes() {
        if (memoryLimitBytes == 0) {
            try (ResultSet result = statement.executeQuery("SELECT current_setting('memory_limit')")) {
                result.next();
                memoryLimitBytes = MemorySize.parse(result.getString(1));
            } catch (SQLException e) {
                throw new SyncException("Warehouse statement failed: " + e.getMessage() + "\n  in: current_setting", e);
            }
        }
        return memoryLimitBytes;
    }

    /** Starts a transaction. */
    public void begin() {
        execute("BEGIN TRANSACTION");
        inTransaction = true;
    }

    /** Commits the open transaction: everything written in it becomes durable at once. */
    public void commit() {
        execute("COMMIT");
        inTransaction = false;
    }

    /** Rolls back the open transaction, if any. Never throws. */
    public void rollbackQuietly() {
        if (inTransaction) {
            try {
                statement.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // the connection is closed next; DuckDB discards the transaction then too
            }
            inTransaction = false;
        }
    }

    /**
     * @return the tables of schema {@value #SCHEMA} with their data columns, types and keys
     */
    public Map<String, TableModel> loadTables() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        query("SELECT table_name, constraint_column_names FROM duckdb_constraints() WHERE schema_name = '"
                + SCHEMA + "' AND constraint_type = 'PRIMARY KEY'", rs -> {
                    List<String> names = new ArrayList<>();
                    for (Object name : (Object[]) rs.getArray(2).getArray()) {
                        names.add((String) name);
                    }
                    keys.put(rs.getString(1), names);
                });
        Map<String, List<String>> pending = new LinkedHashMap<>();
        query("SELECT table_name, key_columns FROM " + PENDING_KEYS, rs -> {
            List<String> names = new ArrayList<>();
            for (Object name : (Object[]) rs.getArray(2).getArray()) {
                names.add((String) name);
            }
            pending.put(rs.getString(1), names);
            keys.putIfAbsent(rs.getString(1), names);
        });
        Map<String, TableModel> tables = new LinkedHashMap<>();
        query("SELECT table_name, column_name, data_type, comment FROM duckdb_columns() WHERE schema_name = '"
                + SCHEMA + "' ORDER BY table_name, column_index", rs -> {
                    String table = rs.getString(1);
                    String column = rs.getString(2);
                    TableModel model = tables.computeIfAbsent(table, t -> {
                        List<String> key = keys.getOrDefault(t, List.of());
                        TableModel loaded = new TableModel(t, key.equals(List.of(TableModel.FIVETRAN_ID)) ? List.of() : key, true);
                        if (pending.containsKey(t)) {
                            loaded.markKeyPending();
                        }
                        return loaded;
                    });
                    if (!column.equals(TableModel.SYNCED) && !column.equals(TableModel.DELETED)
                            && model.column(column) == null) {
                        model.addColumn(column, typeOf(rs.getString(3), rs.getString(4)), false);
                    }
                });
        return tables;
    }

    /**
     * @param schema a schema
     * @param table a table
     * @return the table's column names in physical order
     */
    public List<String> columnNames(String schema, String table) {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM duckdb_columns()"
                + " WHERE schema_name = ? AND table_name = ? ORDER BY column_index")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new SyncException("Cannot read the columns of table '" + table + "': " + e.getMessage(), e);
        }
        return names;
    }

    static ColumnType typeOf(String sqlType, String comment) {
        Matcher decimal = DECIMAL.matcher(sqlType);
        if (decimal.matches()) {
            return ColumnType.decimal(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
        }
        return switch (sqlType) {
            case "BOOLEAN" -> ColumnType.BOOLEAN;
            case "SMALLINT" -> ColumnType.SHORT;
            case "INTEGER" -> ColumnType.INT;
            case "BIGINT" -> ColumnType.LONG;
            case "FLOAT" -> ColumnType.FLOAT;
            case "DOUBLE" -> ColumnType.DOUBLE;
            case "DATE" -> ColumnType.NAIVE_DATE;
            case "TIMESTAMP" -> ColumnType.NAIVE_DATETIME;
            case "TIMESTAMP WITH TIME ZONE" -> ColumnType.UTC_DATETIME;
            case "BLOB" -> ColumnType.BINARY;
            default -> comment != null && comment.startsWith(TYPE_COMMENT)
                    ? ColumnType.of(DataType.fromName(comment.substring(TYPE_COMMENT.length())))
                    : ColumnType.STRING;
        };
    }

    /** Prefix of the column comment that records JSON and XML, which DuckDB stores as VARCHAR. */
    static final String TYPE_COMMENT = "sluice:";

    /**
     * Records, in the open transaction, that a table's primary key is to be added when the sync
     * ends: a table created by a sync is filled without its key index, which is built once, in bulk.
     *
     * @param table the table
     */
    public void deferPrimaryKey(TableModel table) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO " + PENDING_KEYS
                + " VALUES (?, ?)")) {
            insert.setString(1, table.name());
            insert.setArray(2, connection.createArrayOf("VARCHAR", table.keyNames().toArray()));
            insert.execute();
        } catch (SQLException e) {
            throw new SyncException("Cannot record the primary key of table '" + table.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Adds the primary key of a table whose key was deferred, in the open transaction.
     *
     * @param table the table
     */
    public void addPrimaryKey(TableModel table) {
        StringBuilder columns = new StringBuilder();
        for (String key : table.keyNames()) {
            columns.append(columns.length() == 0 ? "" : ", ").append(Sql.quote(key));
        }
        execute("ALTER TABLE " + Sql.quote(SCHEMA) + "." + Sql.quote(table.name()) + " ADD PRIMARY KEY (" + columns + ")");
        execute("DELETE FROM " + PENDING_KEYS + " WHERE table_name = " + Sql.literal(table.name()));
    }

    /**
     * @return the state saved with the last committed checkpoint, or null when none was saved
     */
    public StoredState storedState() {
        StoredState[] result = new StoredState[1];
        query("SELECT state, previous_state FROM " + STATE_TABLE + " WHERE id = 1",
                rs -> result[0] = new StoredState(rs.getString(1), rs.getString(2)));
        return result[0];
    }

    /**
     * Records a checkpoint's state in the open transaction.
     *
     * @param stateJson the new state
     * @param previousJson the state it replaces, or null
     */
    public void saveState(String stateJson, String previousJson) {
        try {
            if (updateState == null) {
                updateState = connection.prepareStatement("UPDATE " + STATE_TABLE
                        + " SET state = ?, previous_state = ?, saved_at = now() WHERE id = 1");
            }
            updateState.setString(1, stateJson);
            updateState.setString(2, previousJson);
            if (updateState.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + STATE_TABLE
                        + " VALUES (1, ?, ?, now())")) {
                    insert.setString(1, stateJson);
                    insert.setString(2, previousJson);
                    insert.execute();
                }
            }
        } catch (SQLException e) {
            throw new SyncException("Cannot save state in the warehouse: " + e.getMessage(), e);
        }
    }

    /**
     * The state kept in the warehouse.
     *
     * @param state the last checkpoint's state JSON
     * @param previous the checkpoint before's state JSON, or null
     */
    public record StoredState(String state, String previous) {
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowHandler handler) {
        try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(sql)) {
            while (rs.next()) {
                handler.handle(rs);
            }
        } catch (SQLException e) {
            throw new SyncException("Cannot read the warehouse " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        rollbackQuietly();
        closeConnection();
    }

    private void closeConnection() {
        try {
            if (updateState != null) {
                updateState.close();
                updateState = null;
            }
            statement.close();
        } catch (SQLException ignored) {
            // closing the connection below releases them too
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }

    private static String abbreviate(String sql) {
        return sql.length() > 300 ? sql.substring(0, 300) + " ..." : sql;
    }
}
