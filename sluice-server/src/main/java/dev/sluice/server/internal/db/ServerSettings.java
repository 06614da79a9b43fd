package dev.sluice.server.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The server's own settings in the metadata database ({@code server_settings}): names to values. */
public final class ServerSettings {

    /** The id of the master key that seals the stored secrets. */
    public static final String MASTER_KEY_ID = "master_key_id";
    /** The id of the admin API key created on the first start. */
    public static final String ADMIN_KEY_ID = "admin_api_key_id";

    private final DataSource database;

    /** @param database the metadata database */
    public ServerSettings(DataSource database) {
        this.database = database;
    }

    /**
     * @param name a setting
     * @return its value, if set
     */
    public Optional<String> get(String name) {
        try (Connection connection = database.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT setting_value FROM server_settings WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failed("read the setting " + name, e);
        }
    }

    /**
     * Sets a setting that has no value yet, in the caller's transaction.
     *
     * @param connection the caller's connection
     * @param name the setting
     * @param value its value
     * @throws SQLException when it is already set (a unique-key violation) or the insert fails
     */
    public static void insert(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO server_settings (name, setting_value) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }

    /**
     * Sets a setting that has no value yet.
     *
     * @param name the setting
     * @param value its value
     */
    public void insert(String name, String value) {
        try (Connection connection = database.getConnection()) {
            insert(connection, name, value);
        } catch (SQLException e) {
            throw Sql.failed("record the setting " + name, e);
        }
    }
}
