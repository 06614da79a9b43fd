package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.cli.output.WarehouseOverview;
import dev.sluice.cli.project.LoadedConnector;
import dev.sluice.cli.project.MavenLocator;
import dev.sluice.cli.project.ProjectBuild;
import dev.sluice.engine.LocalSync;
import dev.sluice.engine.NamingStrategy;
import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.report.ProgressLine;
import dev.sluice.engine.report.SyncReport;
import dev.sluice.engine.warehouse.WarehouseReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sluice debug}: builds the connector project when its sources changed, loads its connector
 * in an isolated class loader, runs one local sync into {@code files/warehouse.db}, then prints the
 * summary and, after a successful sync, what the warehouse holds. Exits with 1 when the build or
 * the sync fails; the summary's last line then says why.
 */
@Command(name = "debug", mixinStandardHelpOptions = true,
        description = {"Build the connector project, run one sync into files/warehouse.db (schema tester)"
            + " and print a summary.",
            "State is read from and saved to files/state.json; `sluice reset` starts over."})
public final class DebugCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The connector project folder (default: the current folder).")
    Path dir;

    @Option(names = "--configuration", paramLabel = "FILE", defaultValue = "${env:SLUICE_CONFIGURATION}",
            description = "Configuration JSON file (default: configuration.json in the project;"
                    + " env SLUICE_CONFIGURATION).")
    Path configuration;

    @Option(names = "--state", paramLabel = "FILE", defaultValue = "${env:SLUICE_STATE}",
            description = "State JSON file to start from (default: files/state.json in the project;"
                    + " env SLUICE_STATE).")
    Path state;

    @Option(names = "--naming", paramLabel = "fivetran|source", defaultValue = "${env:SLUICE_NAMING:-fivetran}",
            description = "Destination naming: fivetran (snake_case, the default) or source (names kept as given);"
                    + " env SLUICE_NAMING.")
    NamingStrategy naming;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path project = ProjectDirs.mavenProject(dir);
        build(project, out);
        SyncOptions options = SyncOptions.forProject(project)
                .configurationFile(absolute(configuration))
                .stateFile(absolute(state))
                .naming(naming == null ? NamingStrategy.FIVETRAN : naming)
                .build();
        SyncResult result;
        try (LoadedConnector loaded = LoadedConnector.load(project)) {
            LocalSync sync = new LocalSync(loaded.connector(), options);
            out.flush();
            result = loaded.call(() -> {
                try (ProgressLine ignored = ProgressLine.start(sync.metrics(), System.out, System.console() != null)) {
                    return sync.run();
                }
            });
        }
        out.print(summary(result));
        if (!result.succeeded()) {
            out.flush();
            return 1;
        }
        showWarehouse(options.warehouseFile(), out);
        out.flush();
        return 0;
    }

    private void build(Path project, PrintWriter out) {
        ProjectBuild build = new ProjectBuild(project, new MavenLocator(System.getenv()));
        if (!build.isStale()) {
            return;
        }
        out.println("Building " + project + " ...");
        out.flush();
        ProjectBuild.Outcome outcome = build.run();
        if (!outcome.succeeded()) {
            PrintWriter err = spec.commandLine().getErr();
            outcome.outputTail().forEach(err::println);
            err.flush();
            throw new CliException("Building " + project + " failed (Maven exit code " + outcome.exitCode()
                    + "); fix the errors above and run `sluice debug` again");
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

    private void showWarehouse(Path warehouse, PrintWriter out) {
        if (!Files.isRegularFile(warehouse)) {
            return;
        }
        try (WarehouseReader reader = WarehouseReader.open(warehouse)) {
            WarehouseOverview.print(reader, warehouse, out, WarehouseOverview.SAMPLE_ROWS);
        } catch (RuntimeException e) {
            out.flush();
            spec.commandLine().getErr().println("Cannot show what landed in " + warehouse + ": " + e.getMessage());
        }
    }
}
