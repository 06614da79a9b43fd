package dev.sluice.cli.bench;

import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.bench.Benchmark;
import dev.sluice.engine.bench.PeakMemory;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sluice bench-http}: a paginated sync of the API playground's users, served in-process on
 * loopback, measured four ways in one JVM: a hand-written loop ({@link BareUsersConnector}) and the
 * toolkit ({@link ToolkitUsersConnector}), each synced through the engine into DuckDB and each with
 * the rows discarded (HTTP and JSON only). After warm-up passes, each round runs every variant once,
 * the order reversed every other round so that neither side always runs first. Not thread-safe; one
 * run at a time.
 */
public final class HttpSyncBenchmark {

    /** The toolkit's target: at most this much slower than the bare loop, as a fraction. */
    public static final double OVERHEAD_TARGET = 0.10;

    /** What is measured. */
    public enum Variant {
        /** The bare loop synced into DuckDB. */
        BARE_DUCKDB("bare loop -> DuckDB", false, true),
        /** The toolkit synced into DuckDB. */
        TOOLKIT_DUCKDB("toolkit -> DuckDB", true, true),
        /** The bare loop, rows discarded. */
        BARE_HTTP("bare loop, HTTP only", false, false),
        /** The toolkit, rows discarded. */
        TOOLKIT_HTTP("toolkit, HTTP only", true, false);

        private final String label;
        private final boolean toolkit;
        private final boolean duckdb;

        Variant(String label, boolean toolkit, boolean duckdb) {
            this.label = label;
            this.toolkit = toolkit;
            this.duckdb = duckdb;
        }

        /** @return how it is printed */
        public String label() {
            return label;
        }
    }

    /**
     * One measured pass.
     *
     * @param variant what ran
     * @param round the round, from 1
     * @param pages pages read
     * @param rows rows emitted
     * @param bytes response bytes read
     * @param seconds wall time
     * @param peakRssBytes peak RSS of the process during the pass (the playground included), -1 when unknown
     */
    public record Pass(
            Variant variant, int round, long pages, long rows, long bytes, double seconds, long peakRssBytes) {
        /** @return pages per second */
        public double pagesPerSecond() {
            return pages / seconds;
        }

        /** @return rows per second */
        public double rowsPerSecond() {
            return rows / seconds;
        }

        /** @return response megabytes (10^6 bytes) per second */
        public double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    /**
     * All passes of a run.
     *
     * @param passes the measured passes, in the order they ran
     */
    public record Report(List<Pass> passes) {

        /**
         * @param variant a variant
         * @return its pass of median wall time (the lower middle one for an even count)
         */
        public Pass median(Variant variant) {
            List<Pass> sorted = passes.stream()
                    .filter(pass -> pass.variant() == variant)
                    .sorted(Comparator.comparingDouble(Pass::seconds))
                    .toList();
            if (sorted.isEmpty()) {
                throw new IllegalStateException("No pass of " + variant.label());
            }
            return sorted.get((sorted.size() - 1) / 2);
        }

        /** @return how much longer the toolkit's median sync into DuckDB took than the bare loop's, as a fraction */
        public double overheadWithDuckDb() {
            return median(Variant.TOOLKIT_DUCKDB).seconds()
                            / median(Variant.BARE_DUCKDB).seconds()
                    - 1;
        }

        /** @return the same without the engine: HTTP, JSON and rows only */
        public double overheadHttpOnly() {
            return median(Variant.TOOLKIT_HTTP).seconds()
                            / median(Variant.BARE_HTTP).seconds()
                    - 1;
        }

        /** @return the largest peak RSS of any pass, -1 when unknown */
        public long peakRssBytes() {
            return passes.stream().mapToLong(Pass::peakRssBytes).max().orElse(-1);
        }
    }

    private final int users;
    private final PlaygroundListing listing;
    private final int perPage;
    private final int checkpointEvery;
    private final int rounds;
    private final int warmUpRounds;
    private final Path workDir;
    private final PrintWriter out;

    /**
     * @param users users the playground serves (1 to 1,000,000)
     * @param listing the paginated route
     * @param perPage page size (1 to 50, the playground's limit)
     * @param checkpointEvery pages between the connectors' checkpoints (both also checkpoint after the last page)
     * @param rounds measured rounds, at least 1
     * @param warmUpRounds unmeasured rounds before them
     * @param workDir a folder for the warehouses (their files are replaced)
     * @param out where to print each pass as it ends
     */
    public HttpSyncBenchmark(
            int users,
            PlaygroundListing listing,
            int perPage,
            int checkpointEvery,
            int rounds,
            int warmUpRounds,
            Path workDir,
            PrintWriter out) {
        this.users = users;
        this.listing = listing;
        this.perPage = perPage;
        this.checkpointEvery = checkpointEvery;
        this.rounds = rounds;
        this.warmUpRounds = warmUpRounds;
        this.workDir = workDir.toAbsolutePath();
        this.out = out;
    }

    /**
     * Starts the playground, runs the warm-up and the rounds, and stops it.
     *
     * @return the measured passes
     * @throws SyncException when a sync fails or the variants did not read the same pages and rows
     * @throws Exception when the warehouse folder cannot be written, or what a connector threw without the engine
     */
    public Report run() throws Exception {
        long generating = System.nanoTime();
        try (Playground playground =
                Playground.start(PlaygroundOptions.builder().users(users).build())) {
            out.printf(
                    Locale.ROOT,
                    "Playground: %,d users generated in %.1f s, %s%s?%s=%d (%s pagination), in-process,"
                            + " request log off; a checkpoint every %s%n",
                    users,
                    (System.nanoTime() - generating) / 1e9,
                    playground.baseUrl(),
                    listing.path(),
                    listing.sizeParameter(),
                    perPage,
                    listing.optionName(),
                    checkpointEvery == 1 ? "page" : checkpointEvery + " pages");
            out.flush();
            for (int round = 1; round <= warmUpRounds; round++) {
                for (Variant variant : Variant.values()) {
                    pass(playground, variant, 0);
                }
            }
            if (warmUpRounds > 0) {
                out.printf(Locale.ROOT, "Warm-up: %d round(s) of every variant, not counted%n", warmUpRounds);
            }
            List<Pass> passes = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                List<Variant> order = new ArrayList<>(List.of(Variant.values()));
                if (round % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (Variant variant : order) {
                    Pass pass = pass(playground, variant, round);
                    passes.add(pass);
                    out.println(format("round " + round, pass));
                    out.flush();
                }
            }
            checkSameWork(passes);
            return new Report(passes);
        }
    }

    /**
     * @param name the first column
     * @param pass a pass
     * @return one line of figures
     */
    public static String format(String name, Pass pass) {
        return String.format(
                Locale.ROOT,
                "  %-8s %-22s %,7d pages %,8.0f pages/s %,10.0f rows/s %7.1f MB/s %7.2f s" + "  peak RSS %,6d MB",
                name,
                pass.variant().label(),
                pass.pages(),
                pass.pagesPerSecond(),
                pass.rowsPerSecond(),
                pass.megabytesPerSecond(),
                pass.seconds(),
                pass.peakRssBytes() < 0 ? -1 : pass.peakRssBytes() / (1024 * 1024));
    }

    private Pass pass(Playground playground, Variant variant, int round) throws Exception {
        Tally tally = new Tally();
        Connector connector = variant.toolkit
                ? new ToolkitUsersConnector(playground.baseUrl(), listing, perPage, checkpointEvery, tally)
                : new BareUsersConnector(playground.baseUrl(), listing, perPage, checkpointEvery, tally);
        Path project = workDir.resolve("project");
        Benchmark.deleteRecursively(project.resolve("files"));
        Files.createDirectories(project);
        System.gc();
        PeakMemory.reset();
        long start = System.nanoTime();
        if (variant.duckdb) {
            SyncResult result = SyncRuntime.shared()
                    .run(
                            connector,
                            SyncOptions.forProject(project)
                                    .configuration(Map.of())
                                    .build());
            if (!result.succeeded()) {
                throw new SyncException(
                        "The " + variant.label() + " sync of " + playground.baseUrl() + listing.path() + " failed: "
                                + result.failureMessage(),
                        result.failure());
            }
        } else {
            connector.update(Configuration.of(Map.of()), State.empty(), new DiscardingOperations());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Pass(variant, round, tally.pages(), tally.rows(), tally.bytes(), seconds, PeakMemory.peakBytes());
    }

    private void checkSameWork(List<Pass> passes) {
        Pass first = passes.get(0);
        for (Pass pass : passes) {
            if (pass.pages() != first.pages() || pass.rows() != first.rows() || pass.rows() != users) {
                throw new SyncException(String.format(
                        Locale.ROOT,
                        "The variants did not read the same listing of %,d"
                                + " users: %s read %,d pages and %,d rows, %s %,d pages and %,d rows; the comparison would be"
                                + " meaningless",
                        users,
                        first.variant().label(),
                        first.pages(),
                        first.rows(),
                        pass.variant().label(),
                        pass.pages(),
                        pass.rows()));
            }
        }
    }

    /** Deletes the warehouses the benchmark wrote. */
    public void cleanUp() throws IOException {
        Benchmark.deleteRecursively(workDir.resolve("project"));
    }
}
