package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.cli.VersionInfo;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.bench.Benchmark;
import dev.sluice.engine.config.DestinationConfigLoader;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.protocol.bench.GrpcBenchmark;
import dev.sluice.sdk.SyncException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code sluice bench}: runs the engine's {@link Benchmark} in-process (the raw DuckDB Appender as
 * the naive limit, a first sync, a re-sync of the same keys) and ends with a verdict against the
 * targets: first sync at least {@value #FIRST_SYNC_TARGET}x the raw Appender's rows/s, re-sync at
 * least {@value #RESYNC_TARGET}x, peak RSS at most 1 GiB. It is a measurement: it exits with 0
 * whatever the verdict, and with 1 only when the benchmark itself fails.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the write path (a first sync and a re-sync of a synthetic connector) against"
                    + " the raw DuckDB Appender, and compare with the targets.",
            "Exits with 0 whatever the verdict: it is a measurement."
        })
public final class BenchCommand implements Callable<Integer> {

    /** Target of the first sync's rows/s as a fraction of the raw Appender's. */
    public static final double FIRST_SYNC_TARGET = 0.8;
    /** Target of the re-sync's rows/s as a fraction of the raw Appender's. */
    public static final double RESYNC_TARGET = 0.6;
    /** Target peak resident set size of the process during any phase. */
    public static final long PEAK_RSS_TARGET_BYTES = 1024L * 1024 * 1024;

    private static final long MB = 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--rows",
            paramLabel = "N",
            defaultValue = "1000000",
            converter = RowCount.class,
            description = "Rows per phase (default: 1,000,000); accepts 500k, 5M, 1_000_000.")
    long rows;

    @Option(
            names = "--checkpoint-every",
            paramLabel = "N",
            defaultValue = "1000000",
            converter = RowCount.class,
            description = "Rows between the synthetic connector's checkpoints (default: 1,000,000).")
    long checkpointEvery;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Folder for the benchmark's warehouses (default: a new temporary folder).")
    Path dir;

    @Option(names = "--keep", description = "Keep the benchmark's warehouses instead of deleting them at the end.")
    boolean keep;

    @Option(
            names = "--grpc",
            description = "Measure the gRPC path instead: the synthetic connector synced in-process,"
                    + " then served on loopback (fivetran_sdk.v2) and synced through it, in one run.")
    boolean grpc;

    @Option(
            names = "--destination",
            paramLabel = "FILE",
            description = "Measure a PostgreSQL destination instead of DuckDB: a destination JSON file"
                    + " ({\"type\": \"postgres\", ...}; see `sluice debug --help`). Its schema sluice_bench is replaced;"
                    + " the limit is one raw COPY of the same rows into a plain table.")
    Path destinationFile;

    /** Target of the gRPC path's rows/s as a fraction of the in-process path's. */
    public static final double GRPC_TARGET = 0.5;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path workDir = workDir();
        out.printf(
                Locale.ROOT,
                "sluice %s, Java %s, %d CPUs, JVM max heap %,d MB, DuckDB memory_limit %s%n",
                VersionInfo.sluiceVersion(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / MB,
                SyncRuntime.shared().duckDbMemoryBudget());
        out.println("Folder: " + workDir);
        out.flush();
        if (grpc && destinationFile == null) {
            return grpcBenchmark(workDir, out);
        }
        DestinationConfig destination = destination();
        Benchmark.Report report;
        try (PrintStream stream = new PrintStream(new LineForwarder(out), true, StandardCharsets.UTF_8)) {
            report = new Benchmark(workDir, rows, checkpointEvery, stream, destination).run();
        } finally {
            cleanUp(workDir, out);
        }
        out.println();
        verdict(report).forEach(out::println);
        out.flush();
        return 0;
    }

    private DestinationConfig destination() {
        if (destinationFile == null) {
            return null;
        }
        if (grpc) {
            throw new CliException("--destination and --grpc measure different things: give one of them");
        }
        Path file = destinationFile.toAbsolutePath().normalize();
        try {
            DestinationConfig config = DestinationConfigLoader.load(file, file.getParent());
            if (!(config instanceof DestinationConfig.Postgres)) {
                throw new CliException("Destination file " + file + " is not a PostgreSQL destination: leave out"
                        + " --destination to measure DuckDB");
            }
            return config;
        } catch (SyncException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private Integer grpcBenchmark(Path workDir, PrintWriter out) throws IOException {
        GrpcBenchmark.Report report;
        try (PrintStream stream = new PrintStream(new LineForwarder(out), true, StandardCharsets.UTF_8)) {
            report = new GrpcBenchmark(workDir, rows, checkpointEvery, stream).run();
        } finally {
            cleanUp(workDir, out);
        }
        out.println();
        out.println("Verdict (measured, target):");
        out.println(String.format(
                Locale.ROOT,
                "  %-12s %7.0f%% of in-process   target >= %.0f%%   %s",
                "gRPC path",
                100 * report.ratio(),
                100 * GRPC_TARGET,
                report.ratio() >= GRPC_TARGET ? "ok" : "below"));
        out.flush();
        return 0;
    }

    private Path workDir() throws IOException {
        if (dir == null) {
            return Files.createTempDirectory("sluice-bench");
        }
        Path folder = dir.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CliException("--dir " + folder + " is a file: give a folder (it is created if missing)");
        }
        return Files.createDirectories(folder);
    }

    /** Deletes what the benchmark wrote: the whole temporary folder, or only its own files in a given --dir. */
    private void cleanUp(Path workDir, PrintWriter out) {
        if (keep) {
            out.println("Kept " + workDir + " (project/files/warehouse.db: the synced table)");
            return;
        }
        try {
            if (dir == null) {
                deleteRecursively(workDir);
            } else {
                deleteRecursively(workDir.resolve("project").resolve("files"));
                Files.deleteIfExists(workDir.resolve("raw.db"));
                Files.deleteIfExists(workDir.resolve("raw.db.wal"));
                deleteIfEmpty(workDir.resolve("project"));
            }
        } catch (IOException e) {
            out.println("Could not delete everything in " + workDir + ": " + e.getMessage());
        }
    }

    /**
     * @param report the measurements
     * @return the verdict lines: each measured value, its target and {@code ok} or {@code below}
     */
    static List<String> verdict(Benchmark.Report report) {
        double raw = report.raw().rowsPerSecond();
        double first = report.firstSync().rowsPerSecond() / raw;
        double again = report.resync().rowsPerSecond() / raw;
        long peak = Stream.of(report.raw(), report.firstSync(), report.resync())
                .mapToLong(Benchmark.Phase::peakRssBytes)
                .max()
                .orElse(-1);
        List<String> lines = new ArrayList<>();
        lines.add("Verdict (measured, target):");
        lines.add(String.format(
                Locale.ROOT,
                "  %-12s %8.2fx raw   target >= %.1fx raw   %s",
                "first sync",
                first,
                FIRST_SYNC_TARGET,
                first >= FIRST_SYNC_TARGET ? "ok" : "below"));
        lines.add(String.format(
                Locale.ROOT,
                "  %-12s %8.2fx raw   target >= %.1fx raw   %s",
                "re-sync",
                again,
                RESYNC_TARGET,
                again >= RESYNC_TARGET ? "ok" : "below"));
        if (peak < 0) {
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-12s %12s   target <= %,d MB   unknown (no /proc/self/status)",
                    "peak RSS",
                    "?",
                    PEAK_RSS_TARGET_BYTES / MB));
        } else {
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-12s %,9d MB   target <= %,d MB   %s",
                    "peak RSS",
                    peak / MB,
                    PEAK_RSS_TARGET_BYTES / MB,
                    peak <= PEAK_RSS_TARGET_BYTES ? "ok" : "above"));
        }
        return lines;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(folder);
        }
    }

    /** Parses a positive count: {@code 1000000}, {@code 1_000_000}, {@code 1,000,000}, {@code 500k}, {@code 5M}. */
    static final class RowCount implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String text = value.strip().replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
            long unit = 1;
            if (text.endsWith("k")) {
                unit = 1_000;
            } else if (text.endsWith("m")) {
                unit = 1_000_000;
            } else if (text.endsWith("g") || text.endsWith("b")) {
                unit = 1_000_000_000;
            }
            if (unit > 1) {
                text = text.substring(0, text.length() - 1);
            }
            long count;
            try {
                count = Math.multiplyExact(Long.parseLong(text), unit);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not a count: use e.g. 20000, 500k, 5M or 1_000_000");
            }
            if (count < 1) {
                throw new TypeConversionException("'" + value + "' is not a positive count: use at least 1");
            }
            return count;
        }
    }

    /** An output stream that hands each flushed chunk of UTF-8 text to a writer, so lines appear as they are printed. */
    private static final class LineForwarder extends OutputStream {
        private final PrintWriter target;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineForwarder(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            pending.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            target.write(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
            target.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
