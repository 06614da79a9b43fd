package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.cli.output.CommandHint;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.ProjectLayout;
import dev.sluice.engine.config.DestinationConfigLoader;
import dev.sluice.sdk.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The destination a command syncs into or reads (a picocli mixin): {@code --destination FILE}, else
 * the project's {@code destination.json} when it has one, else schema {@value ProjectLayout#SCHEMA}
 * of the project's {@code files/warehouse.db}.
 */
final class DestinationOption {

    @Option(
            names = "--destination",
            paramLabel = "FILE",
            defaultValue = "${env:SLUICE_DESTINATION}",
            description =
                    "Destination JSON file, e.g. {\"type\": \"postgres\", \"host\": \"localhost\", \"port\": 5432,"
                            + " \"database\": \"analytics\", \"user\": \"sluice\", \"password\": \"...\", \"schema\": \"tester\"}"
                            + " or {\"type\": \"duckdb\", \"path\": \"files/warehouse.db\"} (default: destination.json in the"
                            + " project when present, else files/warehouse.db; env SLUICE_DESTINATION).")
    Path file;

    /**
     * @param project the project folder
     * @return the destination
     * @throws CliException naming the file and key when the destination file is missing or wrong
     */
    DestinationConfig config(Path project) {
        Path chosen = chosenFile(project);
        if (chosen == null) {
            return new DestinationConfig.DuckDb(ProjectLayout.of(project).warehouseFile(), ProjectLayout.SCHEMA);
        }
        try {
            return DestinationConfigLoader.load(chosen, project);
        } catch (SyncException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /**
     * @return what a printed command needs to reach the same destination: {@code --destination FILE}
     *     when the option named one, else nothing (the project's destination.json is found again)
     */
    List<String> hintArguments() {
        return file == null
                ? List.of()
                : List.of(
                        "--destination",
                        CommandHint.folder(file.toAbsolutePath().normalize()));
    }

    /** @return the destination file used: the option's, else the project's destination.json, else null */
    Path chosenFile(Path project) {
        if (file != null) {
            return file.toAbsolutePath().normalize();
        }
        Path inProject = project.resolve(DestinationConfigLoader.FILE_NAME);
        return Files.isRegularFile(inProject) ? inProject : null;
    }
}
