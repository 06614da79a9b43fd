package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SluiceCliTest {

    @TempDir
    Path tmp;

    @Test
    void withoutACommandPrintsUsageAndExits2() {
        CliRun run = CliRun.sluice();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: sluice", "init", "debug", "reset", "query", "tables", "version");
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.sluice("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("debug", "init", "reset", "query", "tables", "version", "--verbose");
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        CliRun run = CliRun.sluice("debgu");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument", "'debgu'", "Did you mean", "debug");
    }

    @Test
    void commandNamesAreCaseInsensitive() {
        CliRun run = CliRun.sluice("VERSION");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("sluice ");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.sluice("debug", "--bogus");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void versionNamesSluiceDuckdbAndJava() {
        CliRun run = CliRun.sluice("version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out())
                .containsPattern("(?m)^sluice \\d+\\.\\d+\\.\\d+")
                .containsPattern("(?m)^DuckDB JDBC \\d+\\.\\d+")
                .contains("Java " + System.getProperty("java.version"));
        assertThat(CliRun.sluice("--version").out()).isEqualTo(run.out());
    }

    @Test
    void anInvalidNamingIsAUsageErrorListingTheChoices() {
        CliRun run = CliRun.sluice("debug", "--naming", "camel");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--naming", "camel", "FIVETRAN", "SOURCE");
    }

    @Test
    void debugOutsideAProjectSaysWhatIsMissingWithoutAStackTrace() {
        CliRun run = CliRun.sluice("debug", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("Error: No pom.xml in " + tmp)
                .contains("sluice init")
                .doesNotContain("\tat ");
    }

    @Test
    void verbosePrintsTheStackTrace() {
        CliRun run = CliRun.sluice("debug", tmp.toString(), "--verbose");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("CliException", "\tat ", "Error: No pom.xml");
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = tmp.resolve("nope");
        CliRun run = CliRun.sluice("reset", missing.toString(), "--yes");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No such folder: " + missing);
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void initHelpListsTheTemplates() {
        CliRun run = CliRun.sluice("init", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--template", "--list", "sluice init --list");
    }

    @Test
    void anUnexpectedFailureNamesItsTypeAndPointsToVerbose() {
        assertThat(ErrorHandler.message(new IllegalStateException("boom"))).isEqualTo("IllegalStateException: boom");
        assertThat(ErrorHandler.message(new CliException("plain"))).isEqualTo("plain");
    }

    @Test
    void everyHelpListsTheExitCodes() {
        for (String[] args : List.of(
                new String[] {"--help"},
                new String[] {"debug", "--help"},
                new String[] {"query", "--help"},
                new String[] {"serve", "--help"},
                new String[] {"reset", "--help"})) {
            CliRun run = CliRun.sluice(args);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .as(String.join(" ", args))
                    .contains("Exit codes:")
                    .containsPattern("\\n  0 +Success")
                    .containsPattern("\\n  1 +Failed")
                    .containsPattern("\\n  2 +Usage error")
                    .containsPattern("\\n  130 +Interrupted with Ctrl-C");
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliRun run = CliRun.sluice("serve", tmp.toString(), "--port", "99999");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'--port': 99999 is not a port", "sluice serve --help");
    }

    @Test
    void anUnknownHostIsAUsageError() {
        CliRun run = CliRun.sluice("serve", tmp.toString(), "--host", "no-such-host.invalid");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'--host': no-such-host.invalid is not a known address");
    }

    @Test
    void debugFromAFolderInsideAProjectFindsTheProject() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path src = Files.createDirectories(project.resolve("src/main/java"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path none = tmp.resolve("none.json");

        CliRun inside = CliRun.sluice("debug", src.toString(), "--configuration", none.toString());
        CliRun elsewhere = CliRun.sluice("debug", outside.toString());

        assertThat(inside.exitCode()).isEqualTo(1);
        assertThat(inside.err()).contains("Configuration file " + none + " not found");
        assertThat(elsewhere.err()).contains("No pom.xml in " + outside + " or a folder above it");
    }
}
