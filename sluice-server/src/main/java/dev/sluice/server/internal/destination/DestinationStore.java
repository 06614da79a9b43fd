package dev.sluice.server.internal.destination;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.server.internal.db.Sql;
import dev.sluice.server.internal.secret.SecretBox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The destinations in the metadata database ({@code destinations}), passwords sealed. Thread-safe.
 */
public final class DestinationStore {

    private static final String COLUMNS = "id, name, destination_type, settings, password_secret, created_at";

    private final DataSource database;
    private final SecretBox box;

    /**
     * @param database the metadata database
     * @param box seals and opens the passwords
     */
    public DestinationStore(DataSource database, SecretBox box) {
        this.database = database;
        this.box = box;
    }

    /**
     * Adds the built-in {@value DestinationNames#WAREHOUSE} destination, a DuckDB file in the data
     * directory, unless it exists.
     *
     * @param dataDir the data directory
     */
    public void ensureWarehouse(Path dataDir) {
        if (get(DestinationNames.WAREHOUSE).isEmpty()) {
            create(
                    DestinationNames.WAREHOUSE,
                    new DestinationConfig.DuckDb(
                            dataDir.toAbsolutePath().normalize().resolve("warehouse.db"),
                            DestinationConfig.DEFAULT_SCHEMA));
        }
    }

    /**
     * @param name a name that passes {@link DestinationNames#problem}
     * @param config where and how to write
     * @return the stored destination, or empty when one of that name exists
     */
    public Optional<StoredDestination> create(String name, DestinationConfig config) {
        DestinationColumns columns = DestinationColumns.of(name, config, box);
        StoredDestination created =
                new StoredDestination(UUID.randomUUID().toString(), name, config, now().toInstant());
        try (Connection connection = database.getConnection()) {
            if (exists(connection, name)) {
                return Optional.empty();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO destinations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, created.id());
                insert.setString(2, name);
                insert.setString(3, columns.type());
                insert.setString(4, columns.settings());
                insert.setString(5, columns.sealedPassword());
                insert.setObject(6, created.createdAt().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return Optional.of(created);
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return Optional.empty();
            }
            throw Sql.failed("store destination " + name, e);
        }
    }

    /** @return every destination, by name */
    public List<StoredDestination> list() {
        try (Connection connection = database.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT " + COLUMNS + " FROM destinations ORDER BY name");
                ResultSet rows = select.executeQuery()) {
            List<StoredDestination> destinations = new ArrayList<>();
            while (rows.next()) {
                destinations.add(read(rows));
            }
            return destinations;
        } catch (SQLException e) {
            throw Sql.failed("list the destinations", e);
        }
    }

    /**
     * @param name a destination's name
     * @return it, if it exists
     */
    public Optional<StoredDestination> get(String name) {
        try (Connection connection = database.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT " + COLUMNS + " FROM destinations WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failed("read destination " + name, e);
        }
    }

    /**
     * @param name a destination's name
     * @return whether one was deleted
     */
    public boolean delete(String name) {
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM destinations WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Sql.failed("delete destination " + name, e);
        }
    }

    private StoredDestination read(ResultSet rows) throws SQLException {
        String name = rows.getString(2);
        DestinationColumns columns = new DestinationColumns(rows.getString(3), rows.getString(4), rows.getString(5));
        return new StoredDestination(
                rows.getString(1),
                name,
                columns.toConfig(name, box),
                rows.getObject(6, OffsetDateTime.class).toInstant());
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM destinations WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
