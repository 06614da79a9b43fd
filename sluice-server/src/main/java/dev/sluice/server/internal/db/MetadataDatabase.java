package dev.sluice.server.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.server.ServerStartException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The server's metadata database: a connection pool on the {@link DatabaseTarget}, migrated to the
 * newest schema by Flyway on open (the same migrations, {@code db/migration}, on H2 and PostgreSQL).
 * Thread-safe; close it once.
 */
public final class MetadataDatabase implements AutoCloseable {

    private static final int VALID_SECONDS = 2;

    private final HikariDataSource pool;
    private final DatabaseTarget target;

    private MetadataDatabase(HikariDataSource pool, DatabaseTarget target) {
        this.pool = pool;
        this.target = target;
    }

    /**
     * Connects and migrates.
     *
     * @param target where the metadata lives
     * @return the open, migrated database
     * @throws ServerStartException naming the database when it cannot be reached or migrated
     */
    public static MetadataDatabase open(DatabaseTarget target) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sluice-metadata");
        config.setJdbcUrl(target.jdbcUrl());
        if (target.user() != null) {
            config.setUsername(target.user());
        }
        if (target.password() != null) {
            config.setPassword(target.password());
        }
        config.setMaximumPoolSize(8);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            try (Connection connection = pool.getConnection()) {
                connection.isValid(VALID_SECONDS);
            }
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:dev/sluice/server/db/migration")
                    .load()
                    .migrate();
            return new MetadataDatabase(pool, target);
        } catch (SQLException e) {
            pool.close();
            throw new ServerStartException(cannotOpen(target, e), e);
        } catch (FlywayException e) {
            pool.close();
            throw new ServerStartException(
                    "Cannot migrate the metadata database " + target.describe() + " to this server's schema: "
                            + firstLine(e.getMessage()),
                    e);
        }
    }

    /** @return the pool */
    public DataSource dataSource() {
        return pool;
    }

    /** @return where it lives */
    public DatabaseTarget target() {
        return target;
    }

    /** @return whether a connection can be had and answers now */
    public boolean isUp() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(VALID_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String cannotOpen(DatabaseTarget target, Throwable e) {
        Throwable root = e;
        boolean locked = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String text = String.valueOf(cause.getMessage());
            locked |= text.contains("already in use") || text.contains("is locked");
            root = cause;
        }
        String message = firstLine(root.getMessage());
        if (target.embedded() && locked) {
            return "The metadata database " + target.describe()
                    + " is in use by another process: is another sluice server running on this data directory?"
                    + " Stop it, or choose another --data-dir";
        }
        String hint = target.embedded()
                ? "check that the data directory is writable"
                : "check the URL, that the database exists and the server runs, and the user and password"
                        + " (in the URL or SLUICE_DATABASE_USER and SLUICE_DATABASE_PASSWORD)";
        return "Cannot open the metadata database " + target.describe() + ": " + message + "; " + hint;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
