package dev.sluice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The versions {@code sluice version} and {@code sluice --version} print: Sluice itself, the
 * bundled DuckDB JDBC driver and the running Java. Sluice's version comes from a resource filtered
 * at build time, else from the jar manifest.
 */
public final class VersionInfo implements IVersionProvider {

    private static final String RESOURCE = "/dev/sluice/cli/version.properties";

    /** @return Sluice's version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} */
    public static String sluiceVersion() {
        String version = properties().getProperty("version");
        if (version == null || version.startsWith("${")) {
            version = VersionInfo.class.getPackage().getImplementationVersion();
        }
        return version == null ? "unknown" : version;
    }

    /** @return the three lines printed by {@code sluice version} */
    public static List<String> lines() {
        String duckdb = properties().getProperty("duckdb", "unknown");
        return List.of(
                "sluice " + sluiceVersion(),
                "DuckDB JDBC " + duckdb,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.home") + ")");
    }

    @Override
    public String[] getVersion() {
        return lines().toArray(String[]::new);
    }

    private static Properties properties() {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
