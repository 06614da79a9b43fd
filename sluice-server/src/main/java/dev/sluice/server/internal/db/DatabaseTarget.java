package dev.sluice.server.internal.db;

import dev.sluice.server.ServerOptions;
import dev.sluice.server.ServerStartException;
import java.nio.file.Path;

/**
 * Where the metadata lives: the embedded H2 file {@code metadata} in the data directory, or the
 * PostgreSQL database of {@code --database}, with its user and password from the URL or from
 * {@code SLUICE_DATABASE_USER} and {@code SLUICE_DATABASE_PASSWORD}.
 *
 * @param jdbcUrl the JDBC URL
 * @param user the user, or null when the URL names it
 * @param password the password, or null when the URL holds it; never shown
 * @param embedded whether it is the embedded H2 file
 */
public record DatabaseTarget(String jdbcUrl, String user, String password, boolean embedded) {

    /** The file name (without H2's {@code .mv.db}) of the embedded database in the data directory. */
    public static final String EMBEDDED_NAME = "metadata";

    /**
     * @param options the server's options
     * @return the target they ask for
     * @throws ServerStartException when {@code --database} is not a PostgreSQL JDBC URL
     */
    public static DatabaseTarget of(ServerOptions options) {
        String url = options.databaseUrl();
        if (url == null || url.isBlank()) {
            return embedded(options.dataDir());
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new ServerStartException("--database must be a PostgreSQL JDBC URL such as"
                    + " jdbc:postgresql://db.internal:5432/sluice (got one starting with \"" + scheme(url)
                    + "\"); leave it out to keep the metadata in the data directory");
        }
        return new DatabaseTarget(
                url, options.env("SLUICE_DATABASE_USER"), options.env("SLUICE_DATABASE_PASSWORD"), false);
    }

    /**
     * @param dataDir the data directory
     * @return the embedded H2 file database in it
     */
    public static DatabaseTarget embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(EMBEDDED_NAME);
        return new DatabaseTarget("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", null, null, true);
    }

    /** @return what and where, without user or password, e.g. {@code PostgreSQL db.internal:5432/sluice} */
    public String describe() {
        if (embedded) {
            String path = jdbcUrl.substring("jdbc:h2:file:".length(), jdbcUrl.indexOf(';'));
            return "H2 file " + path + ".mv.db";
        }
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int query = rest.indexOf('?');
        return "PostgreSQL " + (query < 0 ? rest : rest.substring(0, query));
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + describe() + "]";
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':', url.indexOf(':') + 1);
        return colon < 0 ? (url.length() > 12 ? url.substring(0, 12) : url) : url.substring(0, colon + 1);
    }
}
