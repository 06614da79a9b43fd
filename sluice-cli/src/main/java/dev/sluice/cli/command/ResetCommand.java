package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.cli.output.CommandHint;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.ProjectLayout;
import dev.sluice.engine.warehouse.DestinationReset;
import dev.sluice.sdk.SyncException;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice reset}: deletes the project's {@code files/} folder (state and warehouse) after a
 * confirmation (only "y" or "yes" deletes; a bare Enter keeps the files), so the next
 * {@code sluice debug} is a first sync. Without a terminal it deletes only with {@code --yes}.
 */
@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = "Delete files/ of the project (state.json and warehouse.db), and with a PostgreSQL destination"
                + " drop the tables Sluice created in its schema and its saved state: the next debug starts afresh.")
public final class ResetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectDirOption projectDir;

    @Mixin
    DestinationOption destination;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation.")
    boolean yes;

    private final UnaryOperator<String> prompt;

    /** A reset that asks on the terminal, when there is one. */
    public ResetCommand() {
        this(question -> {
            Console console = System.console();
            return console == null ? null : console.readLine("%s", question);
        });
    }

    /**
     * @param prompt asks a question and returns the answer; returns null when nobody can answer
     */
    ResetCommand(UnaryOperator<String> prompt) {
        this.prompt = prompt;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path project = projectDir.existing();
        Path files = ProjectLayout.of(project).filesDir();
        DestinationConfig target = destination.config(project);
        DestinationConfig.Postgres postgres = target instanceof DestinationConfig.Postgres p ? p : null;
        if (!Files.exists(files) && postgres == null) {
            out.println("No files to delete in " + files);
            return 0;
        }
        if (!yes && !confirmed(files, project, postgres)) {
            out.println("Nothing deleted.");
            return 0;
        }
        if (Files.exists(files)) {
            delete(files);
            out.println("Deleted " + files);
        }
        if (postgres != null) {
            try {
                out.println("Reset: " + DestinationReset.reset(postgres));
            } catch (SyncException e) {
                throw new CliException(e.getMessage(), e);
            }
        }
        return 0;
    }

    private boolean confirmed(Path files, Path project, DestinationConfig.Postgres postgres) {
        String answer = prompt.apply("This will delete " + files + " (state.json and warehouse.db)"
                + (postgres == null
                        ? ""
                        : " and drop the tables Sluice created in schema " + postgres.schema() + " of "
                                + postgres.describe())
                + ". Continue? (y/N) ");
        if (answer == null) {
            throw new CliException("Not deleting " + files + ": there is no terminal to confirm on;" + " run `"
                    + CommandHint.sluice("reset", project, "--yes") + "` to delete without asking");
        }
        String normalized = answer.strip().toLowerCase(Locale.ROOT);
        return normalized.equals("y") || normalized.equals("yes");
    }

    private static void delete(Path folder) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path path : paths) {
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new CliException(
                        "Cannot delete " + path + ": " + e.getMessage() + ". Is a sync or query still using it?", e);
            }
        }
    }
}
