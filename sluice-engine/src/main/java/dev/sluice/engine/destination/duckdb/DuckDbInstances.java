package dev.sluice.engine.destination.duckdb;

import dev.sluice.engine.destination.Sql;
import dev.sluice.sdk.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB database instances of one process, one per database file, shared by every sync that
 * writes that file, under one memory budget: each open instance gets an equal share of it, set again
 * whenever an instance opens or closes. An instance opens with its first connection and closes with
 * its last, which returns all of its memory. Thread-safe.
 */
public final class DuckDbInstances {

    /** Environment variable that sets the default memory budget, e.g. {@code 1GB}. */
    public static final String MEMORY_LIMIT_VARIABLE = "SLUICE_DUCKDB_MEMORY_LIMIT";
    /**
     * The default budget: {@value #MEMORY_LIMIT_VARIABLE} when set, else 320MB, which keeps a whole
     * 10M-row sync within 1 GiB of RSS with the launcher's 320 MB heap.
     */
    public static final String DEFAULT_MEMORY_LIMIT = memoryLimitFromEnvironment();

    private static String memoryLimitFromEnvironment() {
        String value = System.getenv(MEMORY_LIMIT_VARIABLE);
        return value == null || value.isBlank() ? "320MB" : value.trim();
    }

    private static final class Instance {
        final DuckDBConnection root;
        int users;

        Instance(DuckDBConnection root) {
            this.root = root;
        }
    }

    private final String budget;
    private final long budgetBytes;
    private final Map<Path, Instance> open = new HashMap<>();

    /**
     * @param budget DuckDB memory for all instances together, e.g. {@code 320MB} or {@code 1GiB}
     * @throws SyncException naming the budget when it is not a memory size
     */
    public DuckDbInstances(String budget) {
        this.budget = budget;
        try {
            this.budgetBytes = MemorySize.parse(budget);
        } catch (IllegalArgumentException e) {
            throw new SyncException(
                    "DuckDB's memory budget '" + budget + "' is not a memory size: set " + MEMORY_LIMIT_VARIABLE
                            + " to one such as 512MB or 1GB",
                    e);
        }
    }

    /** @return the budget as given */
    public String budget() {
        return budget;
    }

    /**
     * Opens a new connection to a file's instance, opening the instance (and creating the file) first
     * when no connection to it is open. A new file is made under a temporary name and renamed into
     * place once DuckDB has written it whole, so a process killed meanwhile leaves no half-written
     * database behind.
     *
     * @param file the database file
     * @return a connection only the caller uses; give it back with {@link #release}
     * @throws SyncException naming the file when it is locked by another process or unreadable
     */
    synchronized DuckDBConnection connect(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Instance instance = open.get(key);
        try {
            if (instance == null) {
                instance = new Instance(openInstance(key));
                open.put(key, instance);
                applyShares();
            }
            DuckDBConnection connection = (DuckDBConnection) instance.root.duplicate();
            instance.users++;
            return connection;
        } catch (SQLException e) {
            closeIfUnused(key);
            throw DuckDbErrors.openFailed(file, e);
        }
    }

    /**
     * Closes a connection from {@link #connect}; the file's instance closes with its last one.
     *
     * @param file the database file
     * @param connection the connection
     */
    synchronized void release(Path file, Connection connection) {
        closeQuietly(connection);
        Path key = file.toAbsolutePath().normalize();
        Instance instance = open.get(key);
        if (instance != null) {
            instance.users--;
            closeIfUnused(key);
        }
    }

    /**
     * @param file an open database file
     * @return the memory limit its instance has now, as a DuckDB setting
     */
    synchronized String memoryLimit(Path file) {
        return share();
    }

    /** @return each open instance's share of the budget: the budget itself while one is open */
    private String share() {
        return open.size() <= 1 ? budget : (budgetBytes / open.size() >> 10) + "KiB";
    }

    private void closeIfUnused(Path key) {
        Instance instance = open.get(key);
        if (instance != null && instance.users <= 0) {
            open.remove(key);
            closeQuietly(instance.root);
            applyShares();
        }
    }

    private void applyShares() {
        String limit = Sql.literal(share());
        for (Instance instance : open.values()) {
            try (Statement statement = instance.root.createStatement()) {
                statement.execute("SET memory_limit = " + limit);
            } catch (SQLException e) {
                throw new SyncException(
                        "Cannot set DuckDB's memory limit to " + share() + ": " + e.getMessage() + "; check "
                                + MEMORY_LIMIT_VARIABLE,
                        e);
            }
        }
    }

    private static DuckDBConnection openInstance(Path file) throws SQLException {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new SyncException("Cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        if (!Files.exists(file)) {
            createAtomically(file);
        }
        return DuckDbConnections.open(file).unwrap(DuckDBConnection.class);
    }

    private static void createAtomically(Path file) throws SQLException {
        Path creating = file.resolveSibling(file.getFileName() + ".creating");
        Path creatingWal = file.resolveSibling(creating.getFileName() + ".wal");
        try {
            Files.deleteIfExists(creating);
            Files.deleteIfExists(creatingWal);
            try (Connection connection = DuckDbConnections.open(creating);
                    Statement statement = connection.createStatement()) {
                DuckDbBookkeeping.create(statement);
                statement.execute("CHECKPOINT");
            }
            Files.deleteIfExists(creatingWal);
            Files.move(creating, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SyncException("Cannot create the warehouse " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
