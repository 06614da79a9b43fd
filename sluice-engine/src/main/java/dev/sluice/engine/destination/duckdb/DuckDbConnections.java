package dev.sluice.engine.destination.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens DuckDB connections, and keeps the DuckDB driver from leaving its native library behind.
 *
 * <p>The driver copies its 60 MB native library into a new temporary file in every JVM that loads
 * it, and deletes that file only when the JVM exits normally. A process that is killed leaves the
 * copy behind, and a disk fills up over many syncs. On Linux the copy is deleted as soon as the
 * library is loaded: the process keeps its mapping, the directory entry goes. Elsewhere the
 * driver's own delete-on-exit applies. Thread-safe.
 */
public final class DuckDbConnections {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DuckDbConnections.class);
    private static final Path PROCESS_MAPS = Path.of("/proc/self/maps");
    private static final Pattern EXTRACTED_LIBRARY =
            Pattern.compile("(/\\S*/libduckdb_java\\d+\\.so)(?: \\(deleted\\))?$");
    private static final AtomicBoolean RELEASED = new AtomicBoolean();

    private DuckDbConnections() {}

    /**
     * @param file the database file
     * @param properties DuckDB connection properties, e.g. {@code duckdb.read_only}
     * @return a new connection to {@code file}
     * @throws SQLException as DuckDB reports it, e.g. when another process holds the file
     */
    public static Connection open(Path file, Properties properties) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
        if (RELEASED.compareAndSet(false, true)) {
            deleteExtractedLibrary(PROCESS_MAPS, Path.of(System.getProperty("java.io.tmpdir")));
        }
        return connection;
    }

    /**
     * @param file the database file
     * @return a new connection to {@code file}
     * @throws SQLException as DuckDB reports it
     */
    public static Connection open(Path file) throws SQLException {
        return open(file, new Properties());
    }

    /**
     * Deletes the driver's copies of its native library that this process has mapped from
     * {@code tempDirectory}. Does nothing where {@code maps} does not exist (not Linux).
     *
     * @param maps the process's memory map listing, {@code /proc/self/maps}
     * @param tempDirectory the directory the driver extracted the library into
     * @return the files deleted
     */
    static List<Path> deleteExtractedLibrary(Path maps, Path tempDirectory) {
        if (!Files.isReadable(maps)) {
            return List.of();
        }
        Path directory = realPath(tempDirectory);
        try (Stream<String> lines = Files.lines(maps)) {
            List<Path> copies = lines.map(EXTRACTED_LIBRARY::matcher)
                    .filter(Matcher::find)
                    .map(matcher -> Path.of(matcher.group(1)))
                    .filter(copy -> directory.equals(copy.getParent()))
                    .distinct()
                    .toList();
            copies.forEach(DuckDbConnections::delete);
            return copies;
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not read {}: {}", maps, e.getMessage());
            return List.of();
        }
    }

    private static Path realPath(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            return directory.toAbsolutePath().normalize();
        }
    }

    private static void delete(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            LOG.debug("could not delete DuckDB's extracted library {}: {}", copy, e.getMessage());
        }
    }
}
