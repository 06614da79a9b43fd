package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.cli.output.TextTable;
import dev.sluice.cli.output.WarehouseOverview;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.engine.warehouse.WarehouseReader.QueryResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sluice query [DIR] [SQL]}: runs SQL against the project's warehouse, read-only, and prints
 * an aligned table. Without SQL it prints the table overview. With one argument, an existing
 * folder is the project and anything else is the SQL.
 */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = {
            "Run SQL against files/warehouse.db (read-only) and print the result.",
            "Tables are in schema tester, e.g.: sluice query \"SELECT * FROM tester.orders LIMIT 10\"",
            "Without SQL, list the tables (as `sluice tables`)."
        })
public final class QueryCommand implements Callable<Integer> {

    private static final Pattern PENDING_RESULT_NOISE = Pattern.compile(
            "Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result\\R+Error: ");

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..2",
            paramLabel = "[DIR] [SQL]",
            description = "The project folder (default: the current folder), then the SQL statement.")
    List<String> arguments;

    @Mixin
    DestinationOption destination;

    @Override
    public Integer call() {
        Path dir = null;
        String sql = null;
        List<String> args = arguments == null ? List.of() : arguments;
        if (args.size() == 2) {
            dir = Path.of(args.get(0));
            sql = args.get(1);
        } else if (args.size() == 1) {
            if (Files.isDirectory(Path.of(args.get(0)))) {
                dir = Path.of(args.get(0));
            } else {
                sql = args.get(0);
            }
        }
        if (sql != null && sql.isBlank()) {
            throw new ParameterException(spec.commandLine(), "The SQL statement is empty");
        }
        Path project = ProjectDirs.existing(dir);
        PrintWriter out = spec.commandLine().getOut();
        DestinationConfig config = destination.config(project);
        try (WarehouseReader reader = WarehouseFiles.open(project, config)) {
            if (sql == null) {
                WarehouseOverview.print(reader, WarehouseFiles.where(config), out, 0);
                return 0;
            }
            QueryResult result = run(reader, sql);
            if (result.columns().isEmpty()) {
                out.println("OK (no result set)");
                return 0;
            }
            new TextTable(result.columns(), WarehouseOverview.values(result), TextTable.DEFAULT_CELL_WIDTH).print(out);
            int n = result.rows().size();
            out.println("(" + n + (n == 1 ? " row)" : " rows)"));
        }
        out.flush();
        return 0;
    }

    private static QueryResult run(WarehouseReader reader, String sql) {
        try {
            return reader.query(sql);
        } catch (RuntimeException e) {
            String message =
                    PENDING_RESULT_NOISE.matcher(String.valueOf(e.getMessage())).replaceFirst("");
            if (message.contains("does not exist") && !sql.contains(reader.schema() + ".")) {
                List<String> tables = reader.tables();
                message += "\nTables are in schema " + reader.schema()
                        + (tables.isEmpty()
                                ? ""
                                : ", e.g. SELECT * FROM " + reader.schema() + "." + tables.get(0) + " (tables: "
                                        + String.join(", ", tables) + ")");
            }
            throw new CliException(message, e);
        }
    }
}
