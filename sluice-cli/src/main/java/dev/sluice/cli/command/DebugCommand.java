package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.cli.ErrorHandler;
import dev.sluice.cli.output.CommandHint;
import dev.sluice.cli.output.WarehouseOverview;
import dev.sluice.cli.project.MavenLocator;
import dev.sluice.cli.project.ProjectBuild;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.config.ConfigurationLoader;
import dev.sluice.engine.naming.NamingStrategy;
import dev.sluice.engine.report.SyncReport;
import dev.sluice.engine.runtime.LoadedConnector;
import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.protocol.drive.RemoteConnector;
import dev.sluice.protocol.drive.SelectionFile;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.SyncException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice debug}: builds the connector project when its sources changed, loads its connector
 * in an isolated class loader, runs one local sync into {@code files/warehouse.db}, then prints the
 * summary and what the warehouse holds. Exits with 1 when the build or the sync fails: the summary
 * then splits each table's rows into committed and rolled back, and stderr repeats why it failed,
 * with where in the connector's code. Ctrl-C stops the sync at its last checkpoint and exits with
 * 130.
 *
 * <p>With {@code --connector HOST:PORT} it builds nothing: it syncs from a running
 * {@code fivetran_sdk.v2.SourceConnector} server (any language) through the same engine, after
 * running the server's setup tests; the folder only holds {@code configuration.json} and
 * {@code files/}. {@code --selection FILE} leaves tables and columns out.
 */
@Command(
        name = "debug",
        mixinStandardHelpOptions = true,
        description = {
            "Build the connector project, run one sync into files/warehouse.db (schema tester), or into"
                    + " the destination of --destination or the project's destination.json, and print a summary.",
            "State is read from and saved to files/state.json; `sluice reset` starts over.",
            "Ctrl-C stops the sync: state and data stay at its last checkpoint, and the next debug resumes there."
        })
public final class DebugCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectDirOption projectDir;

    @Mixin
    DestinationOption destination;

    @Option(
            names = "--configuration",
            paramLabel = "FILE",
            defaultValue = "${env:SLUICE_CONFIGURATION}",
            description = "Configuration JSON file (default: configuration.json in the project;"
                    + " env SLUICE_CONFIGURATION).")
    Path configuration;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            defaultValue = "${env:SLUICE_STATE}",
            description =
                    "State JSON file to start from (default: files/state.json in the project;" + " env SLUICE_STATE).")
    Path state;

    @Option(
            names = "--naming",
            paramLabel = "fivetran|source",
            defaultValue = "${env:SLUICE_NAMING:-fivetran}",
            description = "Destination naming: fivetran (snake_case, the default) or source (names kept as given);"
                    + " env SLUICE_NAMING.")
    NamingStrategy naming;

    @Option(
            names = "--connector",
            paramLabel = "HOST:PORT",
            description = "Sync from a running fivetran_sdk.v2 SourceConnector gRPC server (e.g. `sluice serve`,"
                    + " or a connector in any language) instead of building the project; DIR then only holds"
                    + " configuration.json and files/.")
    String connector;

    @Option(
            names = "--selection",
            paramLabel = "FILE",
            description = "With --connector: a JSON file of tables and columns to leave out, e.g."
                    + " {\"exclude_tables\": [\"t\"], \"exclude_columns\": {\"t2\": [\"c\"]}} (default: everything).")
    Path selection;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (connector != null) {
            return syncRemote(out);
        }
        if (selection != null) {
            throw new CliException(
                    "--selection applies to --connector syncs only: add --connector HOST:PORT or drop it");
        }
        Path project = projectDir.mavenProject();
        requireGivenConfiguration();
        build(project, out, spec.commandLine().getErr());
        SyncOptions options = options(project);
        ForegroundSync sync = foreground(options);
        SyncResult result;
        try (LoadedConnector loaded = LoadedConnector.load(project)) {
            out.flush();
            result = loaded.call(() -> sync.run(loaded.connector()));
        }
        return finish(result, options, sync, out);
    }

    private SyncOptions options(Path project) {
        return SyncOptions.forProject(project)
                .configurationFile(absolute(configuration))
                .stateFile(absolute(state))
                .naming(naming == null ? NamingStrategy.FIVETRAN : naming)
                .destination(destination.config(project))
                .build();
    }

    private ForegroundSync foreground(SyncOptions options) {
        List<String> args = new ArrayList<>();
        if (connector != null) {
            args.addAll(List.of("--connector", connector));
        }
        if (selection != null) {
            args.addAll(List.of("--selection", selection.toString()));
        }
        if (configuration != null) {
            args.addAll(List.of("--configuration", configuration.toString()));
        }
        if (naming != null && naming != NamingStrategy.FIVETRAN) {
            args.addAll(List.of("--naming", naming.name().toLowerCase(Locale.ROOT)));
        }
        String rerun = CommandHint.sluice("debug", options.projectDir(), args.toArray(String[]::new));
        return new ForegroundSync(options, rerun, spec.commandLine().getErr());
    }

    /** Prints the summary and what the warehouse holds, and the failure on stderr too; returns the exit code. */
    private int finish(SyncResult result, SyncOptions options, ForegroundSync sync, PrintWriter out) {
        if (sync.interrupted()) {
            return ForegroundSync.INTERRUPTED;
        }
        Path project = options.projectDir();
        out.print(CommandHint.located(summary(result), project));
        showWarehouse(
                project,
                options.destinationConfig(),
                result.succeeded() ? null : "After the failure the warehouse holds what was committed before it:",
                out);
        out.flush();
        if (!result.succeeded()) {
            new SyncFailureReport(
                            project,
                            ErrorHandler.verbose(spec.root().commandLine().getParseResult()))
                    .print(result, spec.commandLine().getErr());
            return 1;
        }
        return 0;
    }

    /** Fails early, naming the file, when {@code --configuration} names one that is not there. */
    private void requireGivenConfiguration() {
        if (configuration != null && !Files.isRegularFile(absolute(configuration))) {
            throw new CliException("Configuration file " + absolute(configuration) + " not found (given by"
                    + " --configuration or SLUICE_CONFIGURATION): check the path, or leave it out to use the"
                    + " project's configuration.json");
        }
    }

    private Integer syncRemote(PrintWriter out) {
        Path project = projectDir.existing();
        requireGivenConfiguration();
        SyncOptions options = options(project);
        SelectionFile excluded;
        try {
            excluded = selection == null ? SelectionFile.everything() : SelectionFile.read(absolute(selection));
        } catch (SyncException e) {
            throw new CliException(e.getMessage());
        }
        SyncResult result;
        ForegroundSync sync;
        try (RemoteConnector remote = RemoteConnector.connect(connector, excluded)) {
            out.println("Connector server: " + connector + " (fivetran_sdk.v2)");
            Configuration setup = loadQuietly(options);
            if (setup != null) {
                try {
                    remote.runSetupTests(setup, out::println);
                } catch (SyncException e) {
                    out.println("Sync FAILED: " + e.getMessage());
                    out.flush();
                    spec.commandLine().getErr().println("Sync FAILED: " + e.getMessage());
                    spec.commandLine().getErr().flush();
                    return 1;
                }
            }
            out.flush();
            sync = foreground(options);
            result = sync.run(remote);
        } catch (SyncException e) {
            throw new CliException(e.getMessage());
        }
        return finish(result, options, sync, out);
    }

    /** @return the configuration, or null when it cannot be read: the sync then fails with the loader's message */
    private static Configuration loadQuietly(SyncOptions options) {
        try {
            return ConfigurationLoader.load(options.configurationFile());
        } catch (SyncException e) {
            return null;
        }
    }

    /** Builds the project with Maven when its sources changed; used by {@code serve} too. */
    static void build(Path project, PrintWriter out, PrintWriter err) {
        ProjectBuild build = new ProjectBuild(project, new MavenLocator(System.getenv()));
        if (!build.isStale()) {
            return;
        }
        out.println("Building " + project + " ...");
        out.flush();
        ProjectBuild.Outcome outcome = build.run();
        if (!outcome.succeeded()) {
            outcome.outputTail().forEach(err::println);
            err.flush();
            throw new CliException("Building " + project + " failed (Maven exit code " + outcome.exitCode()
                    + "); fix the errors above and run `" + CommandHint.sluice("debug", project) + "` again");
        }
    }

    private static Path absolute(Path file) {
        return file == null ? null : file.toAbsolutePath().normalize();
    }

    private static String summary(SyncResult result) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            SyncReport.printSummary(result, stream);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private void showWarehouse(Path project, DestinationConfig destination, String heading, PrintWriter out) {
        if (destination instanceof DestinationConfig.DuckDb file && !Files.isRegularFile(file.file())) {
            return;
        }
        String where = WarehouseFiles.where(destination);
        try (WarehouseReader reader = WarehouseReader.open(destination)) {
            if (heading != null) {
                out.println();
                out.println(heading);
            }
            WarehouseOverview.print(
                    reader, project, where, this.destination.hintArguments(), out, WarehouseOverview.SAMPLE_ROWS);
        } catch (RuntimeException e) {
            out.flush();
            spec.commandLine().getErr().println("Cannot show what landed in " + where + ": " + e.getMessage());
        }
    }
}
