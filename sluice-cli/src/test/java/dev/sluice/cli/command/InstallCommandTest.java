package dev.sluice.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class InstallCommandTest {

    @TempDir
    Path tmp;

    Path home;
    Path launcher;

    @BeforeEach
    void files() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        launcher = Files.writeString(
                Files.createDirectories(tmp.resolve("checkout")).resolve("sluice"), "#!/bin/sh\n");
    }

    private CliRun install(String path, String... args) {
        return CliRun.command(
                new InstallCommand(Map.of(InstallCommand.LAUNCHER_VARIABLE, launcher.toString(), "PATH", path), home),
                args);
    }

    @Test
    void linksTheLauncherIntoLocalBinAndSaysHowToPutItOnThePath() throws IOException {
        CliRun run = install("/usr/bin:/bin");

        Path link = home.resolve(".local/bin/sluice");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(launcher);
        assertThat(run.out())
                .contains("Created " + home.resolve(".local/bin") + ".")
                .contains("Linked " + link + " -> " + launcher + ".")
                .contains(home.resolve(".local/bin") + " is not on your PATH yet")
                .contains("export PATH=\"$HOME/.local/bin:$PATH\"");
    }

    @Test
    void saysSoWhenTheFolderIsOnThePathAndWhenThereIsNothingToDo() {
        String path = "/usr/bin:" + home.resolve(".local/bin");
        assertThat(install(path).out()).contains("`sluice` now runs from any folder");

        CliRun again = install(path);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already links to " + launcher + ": nothing to do.");
    }

    @Test
    void replacesAnOlderLinkAndLeavesAFileAlone() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("sluice"), tmp.resolve("old/sluice"));

        CliRun replaced = install("", "--bin-dir", bin.toString());

        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(replaced.out())
                .contains("Removed the old link " + bin.resolve("sluice") + " -> " + tmp.resolve("old/sluice"));
        assertThat(Files.readSymbolicLink(bin.resolve("sluice"))).isEqualTo(launcher);

        Files.delete(bin.resolve("sluice"));
        Files.writeString(bin.resolve("sluice"), "mine");
        CliRun refused = install("", "--bin-dir", bin.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains(bin.resolve("sluice") + " exists and is not a link");
        assertThat(bin.resolve("sluice")).hasContent("mine");
    }

    @Test
    void withoutALauncherItSaysWhichCommandToRun() {
        CliRun run = CliRun.command(new InstallCommand(Map.of(), home));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("./sluice install", "bin/sluice install");
        assertThat(home.resolve(".local")).doesNotExist();
    }
}
