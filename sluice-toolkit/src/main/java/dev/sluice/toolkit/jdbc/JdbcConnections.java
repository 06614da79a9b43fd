package dev.sluice.toolkit.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens JDBC connections with messages a connector's user can act on: a refused connection, a
 * wrong password or a missing database is reported with the server ({@code host:port}), the
 * database and the user, never the password.
 *
 * <pre>{@code
 * try (Connection connection = JdbcConnections.open(
 *         "jdbc:postgresql://db.example.com:5432/shop", "sluice", configuration.require("password"))) {
 *     ...
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class JdbcConnections {

    private static final Pattern SERVER = Pattern.compile("^jdbc:([a-zA-Z0-9]+):(?:[a-z]+:)*//([^/?;]*)(/[^?;]*)?");

    private JdbcConnections() {}

    /**
     * Opens a connection through {@link DriverManager} (the driver must be on the class path).
     *
     * @param url the JDBC URL; it should not hold the password
     * @param user the user name
     * @param password the password, or null for none
     * @return an open connection in auto-commit mode
     * @throws JdbcException naming the server, database and user when the connection fails
     */
    public static Connection open(String url, String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return open(url, properties);
    }

    /**
     * @param url the JDBC URL
     * @param properties driver properties, among them {@code user} and {@code password}
     * @return an open connection in auto-commit mode
     * @throws JdbcException naming the server, database and user when the connection fails
     */
    public static Connection open(String url, Properties properties) {
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw failure(url, properties.getProperty("user"), properties.getProperty("password"), e);
        }
    }

    /**
     * @param url a JDBC URL
     * @return the URL without its parameters (which may hold secrets), e.g.
     *     {@code jdbc:postgresql://db:5432/shop}
     */
    public static String describe(String url) {
        if (url == null) {
            return "(no JDBC URL)";
        }
        Matcher matcher = SERVER.matcher(url);
        if (matcher.find()) {
            String server = matcher.group(2);
            int at = server.lastIndexOf('@');
            return "jdbc:" + matcher.group(1) + "://" + server.substring(at + 1)
                    + (matcher.group(3) == null ? "" : matcher.group(3));
        }
        String rest = url;
        int at = url.lastIndexOf('@');
        if (at >= 0) {
            int colon = url.indexOf(':', "jdbc:".length());
            String prefix = colon > 0 && colon < at ? url.substring(0, colon + 1) : "jdbc:";
            rest = prefix + "…@" + url.substring(at + 1);
        }
        int cut = rest.length();
        for (char c : new char[] {'?', ';'}) {
            int index = rest.indexOf(c);
            if (index >= 0) {
                cut = Math.min(cut, index);
            }
        }
        return rest.substring(0, cut);
    }

    static JdbcException failure(String url, String user, String password, SQLException e) {
        String where = describe(url);
        String who = user == null ? "without a user name" : "as user '" + user + "'";
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String advice;
        if (state.startsWith("28")) {
            advice = "the server rejected the login: check the user name and password in the configuration";
        } else if (state.equals("3D000")) {
            advice = "the database does not exist: check the database name";
        } else if (state.startsWith("08")) {
            advice = "cannot reach the server: check the host and port, that the server runs and accepts"
                    + " TCP connections from here (firewall, listen_addresses), or use an SSH tunnel";
        } else if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
            advice = "no JDBC driver on the class path accepts this URL: add the database's driver as a"
                    + " dependency of the connector";
        } else {
            advice = "the driver reports: " + safeMessage(e, password);
        }
        String message = "Cannot connect to " + where + " " + who + ": " + advice
                + (advice.startsWith("the driver") ? "" : " (driver: " + safeMessage(e, password) + ")");
        return containsSecret(e, password) ? new JdbcException(message) : new JdbcException(message, e);
    }

    private static String safeMessage(SQLException e, String password) {
        String message = String.valueOf(e.getMessage());
        return password == null || password.isEmpty() ? message : message.replace(password, "****");
    }

    private static boolean containsSecret(Throwable e, String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(password)) {
                return true;
            }
        }
        return false;
    }
}
