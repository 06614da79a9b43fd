package dev.sluice.server.internal.apikey;

import dev.sluice.server.internal.db.ServerSettings;
import dev.sluice.server.internal.db.Sql;
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

/** The API keys in the metadata database ({@code api_keys}): only their hashes are stored. Thread-safe. */
public final class ApiKeyStore {

    private static final String COLUMNS = "id, name, prefix, created_at, revoked_at";

    private final DataSource database;

    /** @param database the metadata database */
    public ApiKeyStore(DataSource database) {
        this.database = database;
    }

    /**
     * @param name what the key is for
     * @param key the key (from {@link ApiKeyFormat#generate()} or chosen by the operator)
     * @return the stored key
     */
    public ApiKey create(String name, String key) {
        try (Connection connection = database.getConnection()) {
            return insert(connection, name, key);
        } catch (SQLException e) {
            throw Sql.failed("store a new API key", e);
        }
    }

    /**
     * Creates the admin key of a first start, once: when the server's settings already name one, nothing
     * happens (even if that key was revoked since).
     *
     * @param key the admin key
     * @return the stored key, or empty when an admin key was created before
     */
    public Optional<ApiKey> createAdminOnce(String key) {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement select =
                        connection.prepareStatement("SELECT 1 FROM server_settings WHERE name = ?")) {
                    select.setString(1, ServerSettings.ADMIN_KEY_ID);
                    try (ResultSet rows = select.executeQuery()) {
                        if (rows.next()) {
                            connection.rollback();
                            return Optional.empty();
                        }
                    }
                }
                ApiKey created = insert(connection, "admin", key);
                ServerSettings.insert(connection, ServerSettings.ADMIN_KEY_ID, created.id());
                connection.commit();
                return Optional.of(created);
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Sql.failed("store the admin API key", e);
        }
    }

    /** @return every key, revoked ones too, oldest first */
    public List<ApiKey> list() {
        try (Connection connection = database.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at, id");
                ResultSet rows = select.executeQuery()) {
            List<ApiKey> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(read(rows));
            }
            return keys;
        } catch (SQLException e) {
            throw Sql.failed("list the API keys", e);
        }
    }

    /**
     * @param id a key's id
     * @return the key, if it exists
     */
    public Optional<ApiKey> get(String id) {
        try (Connection connection = database.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failed("read an API key", e);
        }
    }

    /**
     * @param key a key presented by a client
     * @return the stored key it is, if it exists and is not revoked
     */
    public Optional<ApiKey> authenticate(String key) {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")) {
            select.setString(1, ApiKeyFormat.hash(key));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failed("check an API key", e);
        }
    }

    /** @return how many keys are not revoked */
    public int countActive() {
        try (Connection connection = database.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NULL");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw Sql.failed("count the API keys", e);
        }
    }

    /**
     * Revokes a key; revoking a revoked key changes nothing.
     *
     * @param id the key's id
     * @return the key as it is now, or empty when there is none with that id
     */
    public Optional<ApiKey> revoke(String id) {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            update.setObject(1, now());
            update.setString(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("revoke an API key", e);
        }
        return get(id);
    }

    private static ApiKey insert(Connection connection, String name, String key) throws SQLException {
        ApiKey created =
                new ApiKey(UUID.randomUUID().toString(), name, ApiKeyFormat.prefix(key), now().toInstant(), null);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO api_keys (id, name, prefix, key_hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, created.id());
            insert.setString(2, name);
            insert.setString(3, created.prefix());
            insert.setString(4, ApiKeyFormat.hash(key));
            insert.setObject(5, created.createdAt().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return created;
    }

    private static ApiKey read(ResultSet rows) throws SQLException {
        OffsetDateTime revoked = rows.getObject(5, OffsetDateTime.class);
        return new ApiKey(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getObject(4, OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
