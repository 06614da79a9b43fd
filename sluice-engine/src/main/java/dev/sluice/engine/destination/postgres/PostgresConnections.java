package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.sdk.SyncException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens JDBC connections to a PostgreSQL destination, for syncs and for readers of what landed. */
public final class PostgresConnections {

    private static final int CONNECT_TIMEOUT_SECONDS = 15;

    private PostgresConnections() {}

    /**
     * @param config where
     * @return a new connection, in auto-commit
     * @throws SyncException saying whether the server is unreachable, refused the login or has no such
     *     database; never with the password
     */
    public static Connection open(DestinationConfig.Postgres config) {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        properties.setProperty("password", config.password());
        properties.setProperty("ApplicationName", "sluice");
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        try {
            return DriverManager.getConnection(url(config), properties);
        } catch (SQLException e) {
            throw PostgresErrors.connectFailed(config, e);
        }
    }

    /**
     * @param config where
     * @return its JDBC URL, without credentials
     */
    public static String url(DestinationConfig.Postgres config) {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "jdbc:postgresql://" + host + ":" + config.port() + "/"
                + URLEncoder.encode(config.database(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
