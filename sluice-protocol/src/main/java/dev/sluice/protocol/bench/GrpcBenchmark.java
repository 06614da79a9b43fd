package dev.sluice.protocol.bench;

import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.bench.Benchmark;
import dev.sluice.engine.bench.PeakMemory;
import dev.sluice.engine.bench.SyntheticConnector;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.protocol.drive.RemoteConnector;
import dev.sluice.protocol.drive.SelectionFile;
import dev.sluice.protocol.serve.ConnectorServer;
import dev.sluice.protocol.serve.JsonLog;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.SyncException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The gRPC path against the in-process path, in one run: after an untimed warm-up of both paths
 * ({@value #WARM_UP_ROWS} rows at most), the engine's synthetic connector of N rows is synced
 * in-process, then served on loopback by a {@link ConnectorServer} in this JVM and synced through a
 * {@link RemoteConnector}, each into a fresh warehouse. Prints rows/s, MB/s (of the rows
 * as compact JSON), wall time, process CPU time (a figure that other load on the machine does not
 * distort) and peak RSS of each, and the ratio gRPC / in-process.
 */
public final class GrpcBenchmark {

    /**
     * One measured sync.
     *
     * @param name what was measured
     * @param rows rows synced
     * @param seconds wall time
     * @param peakRssBytes peak RSS during the sync, -1 when unknown
     * @param cpuSeconds CPU time of the whole process during the sync (all threads), -1 when unknown
     */
    public record Phase(String name, long rows, double seconds, long peakRssBytes, double cpuSeconds) {
        /** @return rows per second */
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /**
     * @param inProcess the in-process sync
     * @param grpc the sync over gRPC
     * @param bytesPerRow average size of a row as compact JSON
     */
    public record Report(Phase inProcess, Phase grpc, double bytesPerRow) {
        /** @return gRPC rows/s as a fraction of in-process rows/s */
        public double ratio() {
            return grpc.rowsPerSecond() / inProcess.rowsPerSecond();
        }
    }

    private final Path workDir;
    /** Rows synced through each path before the timed runs. */
    static final long WARM_UP_ROWS = 200_000;

    private final long rows;
    private final long checkpointEvery;
    private final PrintStream out;

    /**
     * @param workDir a folder for the two warehouses (replaced)
     * @param rows rows per sync
     * @param checkpointEvery rows between checkpoints
     * @param out where to print
     */
    public GrpcBenchmark(Path workDir, long rows, long checkpointEvery, PrintStream out) {
        this.workDir = workDir.toAbsolutePath();
        this.rows = rows;
        this.checkpointEvery = checkpointEvery;
        this.out = out;
    }

    /**
     * Runs both syncs and prints each as it ends.
     *
     * @return the measurements
     * @throws IOException when the work folder cannot be prepared
     */
    public Report run() throws IOException {
        double bytesPerRow = Benchmark.bytesPerRow();
        out.printf(
                Locale.ROOT,
                "gRPC benchmark: %,d rows (%.0f bytes as JSON), checkpoint every %,d rows%n",
                rows,
                bytesPerRow,
                checkpointEvery);
        long warmUpRows = Math.min(WARM_UP_ROWS, rows);
        out.printf(
                Locale.ROOT,
                "  warm-up: %,d rows through each path, not timed (so that neither pays the JIT for both)%n",
                warmUpRows);
        Path warmUp = workDir.resolve("warm-up");
        measure("warm-up", warmUp, project -> syncInProcess(warmUpRows, project));
        measure("warm-up", warmUp, project -> syncOverGrpc(warmUpRows, project));
        Phase local =
                measure("in-process sync", workDir.resolve("in-process"), project -> syncInProcess(rows, project));
        print(local, bytesPerRow, null);
        Phase grpc = measure("gRPC sync (loopback)", workDir.resolve("grpc"), project -> syncOverGrpc(rows, project));
        print(grpc, bytesPerRow, local);
        return new Report(local, grpc, bytesPerRow);
    }

    private void syncInProcess(long count, Path project) {
        sync(new SyntheticConnector(count, checkpointEvery), project);
    }

    private void syncOverGrpc(long count, Path project) throws IOException {
        try (ConnectorServer server = ConnectorServer.start(
                        new SyntheticConnector(count, checkpointEvery), 0, null, JsonLog.quiet());
                RemoteConnector remote =
                        RemoteConnector.connect("localhost:" + server.port(), SelectionFile.everything())) {
            sync(remote, project);
        }
    }

    private interface Work {
        void run(Path project) throws IOException;
    }

    private Phase measure(String name, Path project, Work work) throws IOException {
        Benchmark.deleteRecursively(project);
        Files.createDirectories(project);
        System.gc();
        PeakMemory.reset();
        double cpuStart = cpuSeconds();
        long start = System.nanoTime();
        work.run(project);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = cpuStart < 0 ? -1 : cpuSeconds() - cpuStart;
        Phase phase = new Phase(name, rows, seconds, PeakMemory.peakBytes(), cpu);
        Benchmark.deleteRecursively(project);
        return phase;
    }

    private static double cpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1e9;
        }
        return -1;
    }

    private static void sync(Connector connector, Path project) {
        SyncResult result = SyncRuntime.shared()
                .run(
                        connector,
                        SyncOptions.forProject(project).configuration(Map.of()).build());
        if (!result.succeeded()) {
            throw new SyncException("Benchmark sync failed: " + result.failureMessage(), result.failure());
        }
    }

    private void print(Phase phase, double bytesPerRow, Phase base) {
        out.printf(
                Locale.ROOT,
                "  %-22s %,12.0f rows/s %8.1f MB/s  %7.2f s  cpu %7.2f s  peak RSS %,6d MB%s%n",
                phase.name(),
                phase.rowsPerSecond(),
                phase.rowsPerSecond() * bytesPerRow / 1e6,
                phase.seconds(),
                phase.cpuSeconds(),
                phase.peakRssBytes() / (1024 * 1024),
                base == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "  %.0f%% of in-process",
                                100 * phase.rowsPerSecond() / base.rowsPerSecond()));
    }

    /**
     * {@code <rows> [workDir] [checkpointEvery]}.
     *
     * @param args the arguments
     * @throws IOException when the work folder cannot be prepared
     */
    public static void main(String[] args) throws IOException {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("sluice-grpc-bench");
        long every = args.length > 2 ? Long.parseLong(args[2]) : 100_000;
        Report report = new GrpcBenchmark(dir, rows, every, System.out).run();
        System.out.printf(Locale.ROOT, "gRPC / in-process: %.2f (target >= 0.50)%n", report.ratio());
    }
}
