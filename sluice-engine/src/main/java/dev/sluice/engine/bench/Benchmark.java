package dev.sluice.engine.bench;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.engine.values.JsonText;
import dev.sluice.engine.warehouse.DestinationReset;
import dev.sluice.sdk.SyncException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code sluice bench}: syncs a synthetic connector of N rows into a local warehouse in-process,
 * twice (a first sync, then a re-sync that upserts the same keys), and measures the raw DuckDB
 * Appender on the same rows as the naive limit. Prints rows/s, MB/s (of the rows as compact JSON)
 * and peak RSS per phase, and the ratios to the raw Appender. The sync's flush size can be set with
 * the system property {@code sluice.flushRows} to compare settings.
 */
public final class Benchmark {

    /**
     * One measured phase.
     *
     * @param name what was measured
     * @param rows rows written
     * @param seconds wall time
     * @param peakRssBytes peak RSS during the phase, -1 when unknown
     */
    public record Phase(String name, long rows, double seconds, long peakRssBytes) {
        /** @return rows per second */
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /**
     * The three phases.
     *
     * @param raw the raw Appender
     * @param firstSync the first sync
     * @param resync the re-sync of the same keys
     * @param bytesPerRow average size of a row as compact JSON
     */
    public record Report(Phase raw, Phase firstSync, Phase resync, double bytesPerRow) {}

    /** The schema a PostgreSQL benchmark syncs into, replaced at each run. */
    public static final String POSTGRES_SCHEMA = "sluice_bench";

    private final Path workDir;
    private final long rows;
    private final long checkpointEvery;
    private final SyncOptions.Builder options;
    private final PrintStream out;
    private final DestinationConfig destination;

    /**
     * @param workDir a folder for the benchmark's files (its warehouse files are replaced)
     * @param rows rows per phase
     * @param checkpointEvery rows between the connector's checkpoints
     * @param out where to print
     */
    public Benchmark(Path workDir, long rows, long checkpointEvery, PrintStream out) {
        this(workDir, rows, checkpointEvery, out, null);
    }

    /**
     * @param workDir a folder for the benchmark's files (its warehouse files are replaced)
     * @param rows rows per phase
     * @param checkpointEvery rows between the connector's checkpoints
     * @param out where to print
     * @param destination a PostgreSQL database to measure instead of DuckDB (its schema
     *     {@value #POSTGRES_SCHEMA} is replaced; raw {@code COPY} is the limit), or null for DuckDB
     */
    public Benchmark(Path workDir, long rows, long checkpointEvery, PrintStream out, DestinationConfig destination) {
        this.destination = destination instanceof DestinationConfig.Postgres postgres
                ? postgres.withSchema(POSTGRES_SCHEMA)
                : null;
        this.workDir = workDir.toAbsolutePath();
        this.rows = rows;
        this.checkpointEvery = checkpointEvery;
        this.options = SyncOptions.forProject(this.workDir.resolve("project"))
                .flushRows(Integer.getInteger("sluice.flushRows", SyncOptions.DEFAULT_FLUSH_ROWS))
                .destination(this.destination);
        this.out = out;
    }

    /**
     * Runs the phases and prints each as it ends.
     *
     * @return the measurements
     * @throws Exception when a phase fails
     */
    public Report run() throws Exception {
        Path project = workDir.resolve("project");
        deleteRecursively(project.resolve("files"));
        Files.createDirectories(project);
        double bytesPerRow = bytesPerRow();
        out.printf(
                Locale.ROOT,
                "Benchmark: %,d rows of %d columns (%.0f bytes as JSON), checkpoint every %,d rows%n",
                rows,
                SyntheticSource.record(0).size(),
                bytesPerRow,
                checkpointEvery);
        Phase raw;
        if (destination instanceof DestinationConfig.Postgres postgres) {
            out.println("Destination: " + postgres.describe());
            raw = measure("raw COPY (naive limit)", () -> RawCopyBaseline.run(postgres, rows));
            print(raw, bytesPerRow, null);
            DestinationReset.reset(destination);
        } else {
            raw = measure(
                    "raw appender (naive limit)",
                    () -> RawAppenderBaseline.run(
                            workDir.resolve("raw.db"),
                            rows,
                            SyncRuntime.shared().duckDbMemoryBudget()));
            print(raw, bytesPerRow, null);
            Files.deleteIfExists(workDir.resolve("raw.db"));
        }
        Phase first = measure("first sync", () -> sync());
        print(first, bytesPerRow, raw);
        Phase again = measure("re-sync, same keys", () -> sync());
        print(again, bytesPerRow, raw);
        return new Report(raw, first, again, bytesPerRow);
    }

    private void sync() {
        SyncResult result = SyncRuntime.shared()
                .run(
                        new SyntheticConnector(rows, checkpointEvery),
                        options.configuration(java.util.Map.of()).build());
        if (!result.succeeded()) {
            throw new SyncException("Benchmark sync failed: " + result.failureMessage(), result.failure());
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private Phase measure(String name, Work work) throws Exception {
        System.gc();
        PeakMemory.reset();
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Phase(name, rows, seconds, PeakMemory.peakBytes());
    }

    private void print(Phase phase, double bytesPerRow, Phase raw) {
        out.printf(
                Locale.ROOT,
                "  %-28s %,12.0f rows/s %8.1f MB/s  %7.2f s  peak RSS %,6d MB%s%n",
                phase.name(),
                phase.rowsPerSecond(),
                phase.rowsPerSecond() * bytesPerRow / 1e6,
                phase.seconds(),
                phase.peakRssBytes() / (1024 * 1024),
                raw == null
                        ? ""
                        : String.format(Locale.ROOT, "  %.2fx raw", phase.rowsPerSecond() / raw.rowsPerSecond()));
    }

    /** @return the mean size of a synthetic record as JSON, in bytes, over a sample of 10,000 */
    public static double bytesPerRow() {
        long total = 0;
        int sample = 10_000;
        for (int id = 0; id < sample; id++) {
            total += JsonText.write(SyntheticSource.record(id)).length();
        }
        return (double) total / sample;
    }

    /**
     * @param dir a benchmark's work folder; nothing happens when it does not exist
     * @throws IOException when a file cannot be deleted
     */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Runs the benchmark from the command line: {@code <rows> [workDir] [checkpointEvery]}.
     *
     * @param args the arguments
     * @throws Exception when a phase fails
     */
    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("sluice-bench");
        long every = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
        new Benchmark(dir, rows, every, System.out).run();
    }
}
