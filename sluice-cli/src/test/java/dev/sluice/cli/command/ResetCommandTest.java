package dev.sluice.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResetCommandTest {

    @TempDir
    Path project;

    Path files;

    @BeforeEach
    void files() throws Exception {
        files = Files.createDirectories(project.resolve("files"));
        Files.writeString(files.resolve("state.json"), "{\"cursor\": 3}");
        Files.writeString(files.resolve("warehouse.db"), "not really");
        Files.createDirectories(files.resolve("nested"));
        Files.writeString(files.resolve("nested/x"), "x");
    }

    @Test
    void yesDeletesFilesWithoutAsking() {
        CliRun run = CliRun.sluice("reset", project.toString(), "--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(files).doesNotExist();
        assertThat(run.out()).contains("Deleted " + files);
    }

    @Test
    void withoutFilesThereIsNothingToDelete() {
        CliRun.sluice("reset", project.toString(), "-y");

        CliRun run = CliRun.sluice("reset", project.toString(), "--yes");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No files to delete in " + files);
    }

    @Test
    void withoutATerminalItRefusesUnlessYes() {
        CliRun run = CliRun.command(new ResetCommand(question -> null), project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Not deleting " + files, "--yes");
        assertThat(files).isDirectory();
    }

    @Test
    void asksAndTakesABareEnterAsNo() {
        List<String> asked = new ArrayList<>();
        CliRun run = CliRun.command(
                new ResetCommand(question -> {
                    asked.add(question);
                    return "";
                }),
                project.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(asked)
                .containsExactly("This will delete " + files + " (state.json and warehouse.db). Continue? (y/N) ");
        assertThat(run.out()).contains("Nothing deleted");
        assertThat(files.resolve("state.json")).isRegularFile();
    }

    @Test
    void yesAtThePromptDeletes() {
        CliRun run = CliRun.command(new ResetCommand(question -> " Yes "), project.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(files).doesNotExist();
    }

    @Test
    void noKeepsTheFiles() {
        CliRun run = CliRun.command(new ResetCommand(question -> "n"), project.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Nothing deleted");
        assertThat(files.resolve("state.json")).isRegularFile();
    }
}
