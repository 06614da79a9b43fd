package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.cli.VersionInfo;
import dev.sluice.cli.bench.HttpSyncBenchmark;
import dev.sluice.cli.bench.HttpSyncBenchmark.Report;
import dev.sluice.cli.bench.HttpSyncBenchmark.Variant;
import dev.sluice.cli.bench.PlaygroundListing;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code sluice bench-http}: runs {@link HttpSyncBenchmark} (a paginated sync of the in-process API
 * playground, by a bare loop and by the toolkit, into DuckDB and HTTP only) and ends with the
 * toolkit's overhead against the bare loop and a verdict against the target of
 * {@value #TARGET_PERCENT}%. It is a measurement: exit code 0 whatever the verdict, 1 when the
 * benchmark itself fails.
 */
@Command(
        name = "bench-http",
        mixinStandardHelpOptions = true,
        description = {
            "Measure a paginated HTTP sync of the API playground (in-process, on loopback) into DuckDB:"
                    + " pages/s, rows/s, MB/s and peak RSS of a hand-written loop and of the toolkit, and the toolkit's overhead.",
            "Exits with 0 whatever the verdict: it is a measurement."
        })
public final class BenchHttpCommand implements Callable<Integer> {

    /** The toolkit's overhead target in percent of the bare loop's time. */
    public static final long TARGET_PERCENT = Math.round(HttpSyncBenchmark.OVERHEAD_TARGET * 100);

    private static final long MB = 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--users",
            paramLabel = "N",
            defaultValue = "100000",
            converter = BenchCommand.RowCount.class,
            description = "Users the playground serves (default: 100,000; at most 1,000,000); accepts 20k.")
    long users;

    @Option(
            names = "--per-page",
            paramLabel = "N",
            defaultValue = "50",
            description = "Page size (default: 50, the playground's largest).")
    int perPage;

    @Option(
            names = "--route",
            paramLabel = "ROUTE",
            defaultValue = "keyset",
            converter = ListingConverter.class,
            description = "Pagination: keyset, cursor, offset or page_number (default: keyset).")
    PlaygroundListing listing;

    @Option(
            names = "--checkpoint-every",
            paramLabel = "N",
            defaultValue = "1",
            description = "Pages between checkpoints (default: 1, a checkpoint after each page).")
    int checkpointEvery;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "3",
            description = "Measured rounds of every variant (default: 3); the median is compared.")
    int rounds;

    @Option(
            names = "--warm-up",
            paramLabel = "N",
            defaultValue = "1",
            description = "Unmeasured rounds before them (default: 1).")
    int warmUp;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Folder for the benchmark's warehouse (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        Path workDir = dir == null ? Files.createTempDirectory("sluice-bench-http") : Files.createDirectories(dir);
        out.printf(
                Locale.ROOT,
                "sluice %s, Java %s, %d CPUs, JVM max heap %,d MB, load average %s%n",
                VersionInfo.sluiceVersion(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / MB,
                LoadAverage.read());
        out.flush();
        HttpSyncBenchmark benchmark =
                new HttpSyncBenchmark((int) users, listing, perPage, checkpointEvery, rounds, warmUp, workDir, out);
        Report report;
        try {
            report = benchmark.run();
        } finally {
            benchmark.cleanUp();
            if (dir == null) {
                Files.deleteIfExists(workDir);
            }
        }
        out.println();
        summary(report).forEach(out::println);
        out.println("Load average after: " + LoadAverage.read());
        out.flush();
        return 0;
    }

    private void validate() {
        if (users > 1_000_000) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--users " + users + " is more than the playground serves:" + " use at most 1,000,000");
        }
        if (perPage < 1 || perPage > 50) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--per-page " + perPage + " is outside the playground's" + " page sizes: use 1 to 50");
        }
        if (checkpointEvery < 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--checkpoint-every " + checkpointEvery + " is not a number of pages: use 1 or more");
        }
        if (rounds < 1 || warmUp < 0) {
            throw new ParameterException(spec.commandLine(), "--rounds must be at least 1 and --warm-up at least 0");
        }
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CliException("--dir " + dir + " is a file: give a folder (it is created if missing)");
        }
    }

    /**
     * @param report the measurements
     * @return the medians of every variant, the toolkit's overheads and the verdict
     */
    static List<String> summary(Report report) {
        List<String> lines = new ArrayList<>();
        int rounds = (int) report.passes().stream()
                .filter(pass -> pass.variant() == Variant.BARE_DUCKDB)
                .count();
        lines.add("Median of " + rounds + " round(s):");
        for (Variant variant : Variant.values()) {
            lines.add(HttpSyncBenchmark.format("median", report.median(variant)));
        }
        double withDuckDb = report.overheadWithDuckDb() * 100;
        double httpOnly = report.overheadHttpOnly() * 100;
        double engineShare = 1
                - report.median(Variant.BARE_HTTP).seconds()
                        / report.median(Variant.BARE_DUCKDB).seconds();
        lines.add(String.format(
                Locale.ROOT, "Engine and DuckDB: %.0f%% of the bare loop's sync time", engineShare * 100));
        lines.add("Verdict (toolkit's time against the bare loop's, target):");
        lines.add(String.format(
                Locale.ROOT,
                "  %-22s %+7.1f%%   target <= +%d%%   %s",
                "sync into DuckDB",
                withDuckDb,
                TARGET_PERCENT,
                withDuckDb <= TARGET_PERCENT ? "ok" : "above"));
        lines.add(String.format(
                Locale.ROOT,
                "  %-22s %+7.1f%%   (for information: no engine, the toolkit's own share)",
                "HTTP only",
                httpOnly));
        return lines;
    }

    /** Parses {@code --route}. */
    static final class ListingConverter implements ITypeConverter<PlaygroundListing> {
        @Override
        public PlaygroundListing convert(String value) {
            try {
                return PlaygroundListing.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The system's load averages over 1, 5 and 15 minutes, from {@code /proc/loadavg}. */
    static final class LoadAverage {
        private LoadAverage() {}

        static String read() {
            try {
                String[] fields =
                        Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
                return fields[0] + " " + fields[1] + " " + fields[2] + " (1/5/15 min)";
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }
    }
}
