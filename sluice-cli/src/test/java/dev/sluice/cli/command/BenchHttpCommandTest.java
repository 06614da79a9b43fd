package dev.sluice.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.CliRun;
import dev.sluice.cli.bench.HttpSyncBenchmark.Pass;
import dev.sluice.cli.bench.HttpSyncBenchmark.Report;
import dev.sluice.cli.bench.HttpSyncBenchmark.Variant;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchHttpCommandTest {

    private static final String FIGURES =
            " +[0-9,]+ pages/s +[0-9,]+ rows/s +[0-9.]+ MB/s +[0-9.]+ s  peak RSS +-?[0-9,]+ MB$";

    @TempDir
    Path tmp;

    @Test
    void measuresTheBareLoopAndTheToolkitAndEndsWithTheOverheadAndAVerdict() {
        Path dir = tmp.resolve("bench");

        CliRun run = CliRun.sluice(
                "bench-http",
                "--users",
                "230",
                "--per-page",
                "50",
                "--rounds",
                "2",
                "--warm-up",
                "1",
                "--dir",
                dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("CPUs, JVM max heap [0-9,]+ MB, load average .*\\(1/5/15 min\\)")
                .contains(
                        "Playground: 230 users generated",
                        "/pagination/keyset?per_page=50 (keyset pagination)",
                        "request log off; a checkpoint every page",
                        "Warm-up: 1 round(s)")
                // 230 users in pages of 50: 5 pages, every variant reads all of them
                .containsPattern("(?m)^  round 1  bare loop -> DuckDB +5 pages" + FIGURES)
                .containsPattern("(?m)^  round 2  toolkit -> DuckDB +5 pages" + FIGURES)
                .containsPattern("(?m)^  round 1  bare loop, HTTP only +5 pages" + FIGURES)
                .containsPattern("(?m)^  round 2  toolkit, HTTP only +5 pages" + FIGURES)
                .contains("Median of 2 round(s):")
                .containsPattern("(?m)^  median   toolkit -> DuckDB +5 pages" + FIGURES)
                .containsPattern("(?m)^Engine and DuckDB: -?\\d+% of the bare loop's sync time$")
                .containsPattern("(?m)^  sync into DuckDB +[+-]\\d+\\.\\d% +target <= \\+10% +(ok|above)$")
                .containsPattern("(?m)^  HTTP only +[+-]\\d+\\.\\d% ")
                .containsPattern("Load average after: .*");
        assertThat(dir).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cursor", "offset", "page_number", "PAGE-NUMBER"})
    void everyRouteIsReadToTheEndByBothSides(String route) {
        CliRun run = CliRun.sluice(
                "bench-http",
                "--users",
                "101",
                "--per-page",
                "20",
                "--rounds",
                "1",
                "--warm-up",
                "0",
                "--route",
                route,
                "--checkpoint-every",
                "4",
                "--dir",
                tmp.resolve(route).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("a checkpoint every 4 pages");
        // 101 users in pages of 20: 6 pages; the benchmark fails when a variant reads other pages or rows
        assertThat(run.out())
                .containsPattern("(?m)^  round 1  toolkit -> DuckDB +6 pages ")
                .containsPattern("(?m)^  round 1  bare loop, HTTP only +6 pages ");
    }

    @Test
    void badOptionsAreUsageErrorsThatSayWhatToUse() {
        CliRun route = CliRun.sluice("bench-http", "--route", "scroll");
        CliRun pageSize = CliRun.sluice("bench-http", "--per-page", "100");
        CliRun users = CliRun.sluice("bench-http", "--users", "2M");
        CliRun checkpoints = CliRun.sluice("bench-http", "--checkpoint-every", "0");

        assertThat(route.exitCode()).isEqualTo(2);
        assertThat(route.err()).contains("'scroll' is not a paginated route", "keyset, cursor, offset or page_number");
        assertThat(pageSize.exitCode()).isEqualTo(2);
        assertThat(pageSize.err()).contains("--per-page 100", "1 to 50");
        assertThat(users.exitCode()).isEqualTo(2);
        assertThat(users.err()).contains("--users 2000000", "at most 1,000,000");
        assertThat(checkpoints.exitCode()).isEqualTo(2);
        assertThat(checkpoints.err()).contains("--checkpoint-every 0", "use 1 or more");
    }

    @Test
    void isListedInTheHelp() {
        assertThat(CliRun.sluice("--help").out()).contains("bench-http");
        assertThat(CliRun.sluice("bench-http", "--help").out())
                .contains("--users", "--per-page", "--route", "--checkpoint-every", "--rounds", "--warm-up", "--dir");
    }

    @Test
    void theVerdictComparesMediansWithTheTarget() {
        Report close = report(10.0, 10.5, 1.0, 1.2);
        Report far = report(10.0, 12.0, 1.0, 3.0);

        assertThat(BenchHttpCommand.summary(close))
                .contains(
                        "Engine and DuckDB: 90% of the bare loop's sync time",
                        "  sync into DuckDB          +5.0%   target <= +10%   ok",
                        "  HTTP only                +20.0%   (for information: no engine, the toolkit's own share)");
        assertThat(BenchHttpCommand.summary(far))
                .contains("  sync into DuckDB         +20.0%   target <= +10%   above");
    }

    @Test
    void theMedianIsTheMiddlePass() {
        Report report = new Report(
                List.of(pass(Variant.BARE_DUCKDB, 9), pass(Variant.BARE_DUCKDB, 1), pass(Variant.BARE_DUCKDB, 4)));

        assertThat(report.median(Variant.BARE_DUCKDB).seconds()).isEqualTo(4);
    }

    private static Report report(double bare, double toolkit, double bareHttp, double toolkitHttp) {
        return new Report(List.of(
                pass(Variant.BARE_DUCKDB, bare),
                pass(Variant.TOOLKIT_DUCKDB, toolkit),
                pass(Variant.BARE_HTTP, bareHttp),
                pass(Variant.TOOLKIT_HTTP, toolkitHttp)));
    }

    private static Pass pass(Variant variant, double seconds) {
        return new Pass(variant, 1, 100, 5000, 1_000_000, seconds, 300L * 1024 * 1024);
    }
}
