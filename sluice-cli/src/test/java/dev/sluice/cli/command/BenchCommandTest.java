package dev.sluice.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.cli.CliRun;
import dev.sluice.engine.bench.Benchmark;
import dev.sluice.engine.runtime.SyncRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

class BenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void measuresTheThreePhasesAndEndsWithAVerdict() {
        Path dir = tmp.resolve("bench");

        CliRun run = CliRun.sluice("bench", "--rows", "20_000", "--checkpoint-every", "5k", "--dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "JVM max heap",
                        "DuckDB memory_limit " + SyncRuntime.shared().duckDbMemoryBudget())
                .contains("Benchmark: 20,000 rows", "checkpoint every 5,000 rows")
                .containsPattern("(?m)^  raw appender \\(naive limit\\) +[0-9,]+ rows/s .* MB/s .* s  peak RSS")
                .containsPattern("(?m)^  first sync +[0-9,]+ rows/s .* peak RSS .*  \\d+\\.\\d\\dx raw$")
                .containsPattern("(?m)^  re-sync, same keys +[0-9,]+ rows/s .* peak RSS .*  \\d+\\.\\d\\dx raw$")
                .contains("Verdict (measured, target):")
                .containsPattern("(?m)^  first sync +\\d+\\.\\d\\dx raw +target >= 0\\.8x raw +(ok|below)$")
                .containsPattern("(?m)^  re-sync +\\d+\\.\\d\\dx raw +target >= 0\\.6x raw +(ok|below)$")
                .containsPattern("(?m)^  peak RSS +.* target <= 1,024 MB +(ok|above|unknown.*)$");
        assertThat(run.out().indexOf("raw appender")).isLessThan(run.out().indexOf("Verdict"));
        // without --keep only the benchmark's own files go; the given folder stays
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void grpcComparesTheGrpcPathWithTheInProcessPathInOneRun() {
        Path dir = tmp.resolve("grpc");

        CliRun run = CliRun.sluice(
                "bench", "--grpc", "--rows", "20_000", "--checkpoint-every", "5k", "--dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("gRPC benchmark: 20,000 rows", "checkpoint every 5,000 rows")
                .containsPattern("(?m)^  in-process sync +[0-9,]+ rows/s .* MB/s .* s  cpu .* s  peak RSS +[0-9,]+ MB$")
                .containsPattern(
                        "(?m)^  gRPC sync \\(loopback\\) +[0-9,]+ rows/s .* MB/s .* peak RSS .* \\d+% of in-process$")
                .containsPattern("(?m)^  gRPC path +\\d+% of in-process   target >= 50%   (ok|below)$");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void isListedInTheHelp() {
        assertThat(CliRun.sluice("--help").out()).contains("bench");
        assertThat(CliRun.sluice("bench", "--help").out()).contains("--rows", "--checkpoint-every", "--dir", "--keep");
    }

    @Test
    void keepLeavesTheWarehouses() {
        Path dir = tmp.resolve("kept");

        CliRun run = CliRun.sluice("bench", "--rows", "1k", "--dir", dir.toString(), "--keep");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Kept " + dir);
        assertThat(dir.resolve("project/files/warehouse.db")).isRegularFile();
    }

    @Test
    void aBadRowCountIsAUsageError() {
        CliRun run = CliRun.sluice("bench", "--rows", "lots");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--rows", "'lots' is not a count", "500k");
    }

    @Test
    void aFileAsDirIsAnError() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");

        CliRun run = CliRun.sluice("bench", "--rows", "10", "--dir", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--dir " + file + " is a file");
    }

    @Test
    void rowCountsAcceptSuffixesAndSeparators() {
        BenchCommand.RowCount count = new BenchCommand.RowCount();

        assertThat(count.convert("1000000")).isEqualTo(1_000_000L);
        assertThat(count.convert("1_000_000")).isEqualTo(1_000_000L);
        assertThat(count.convert("1,000,000")).isEqualTo(1_000_000L);
        assertThat(count.convert("500k")).isEqualTo(500_000L);
        assertThat(count.convert("5M")).isEqualTo(5_000_000L);
        assertThat(count.convert("10m")).isEqualTo(10_000_000L);
        assertThatThrownBy(() -> count.convert("0"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> count.convert("-5")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> count.convert("5x")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> count.convert("99999999999999999999")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void theVerdictComparesWithTheTargets() {
        Benchmark.Phase raw = new Benchmark.Phase("raw", 1000, 1.0, 100L * 1024 * 1024);
        Benchmark.Report good = new Benchmark.Report(
                raw,
                new Benchmark.Phase("first", 1000, 1.2, 200L * 1024 * 1024),
                new Benchmark.Phase("again", 1000, 1.6, 300L * 1024 * 1024),
                200);
        Benchmark.Report bad = new Benchmark.Report(
                raw,
                new Benchmark.Phase("first", 1000, 2.0, 2048L * 1024 * 1024),
                new Benchmark.Phase("again", 1000, 2.0, 300L * 1024 * 1024),
                200);
        Benchmark.Report unknown = new Benchmark.Report(
                new Benchmark.Phase("raw", 1000, 1.0, -1),
                new Benchmark.Phase("first", 1000, 1.0, -1),
                new Benchmark.Phase("again", 1000, 1.0, -1),
                200);

        assertThat(BenchCommand.verdict(good))
                .containsExactly(
                        "Verdict (measured, target):",
                        "  first sync       0.83x raw   target >= 0.8x raw   ok",
                        "  re-sync          0.63x raw   target >= 0.6x raw   ok",
                        "  peak RSS           300 MB   target <= 1,024 MB   ok");
        assertThat(BenchCommand.verdict(bad))
                .containsExactly(
                        "Verdict (measured, target):",
                        "  first sync       0.50x raw   target >= 0.8x raw   below",
                        "  re-sync          0.50x raw   target >= 0.6x raw   below",
                        "  peak RSS         2,048 MB   target <= 1,024 MB   above");
        assertThat(BenchCommand.verdict(unknown)).last().asString().contains("peak RSS", "unknown");
    }
}
