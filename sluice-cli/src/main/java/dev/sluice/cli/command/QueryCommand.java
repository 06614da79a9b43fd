package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.cli.output.CommandHint;
import dev.sluice.cli.output.ResultFormat;
import dev.sluice.cli.output.WarehouseOverview;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.engine.warehouse.WarehouseReader.QueryResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sluice query [DIR] [SQL] [--format table|csv|json]}: runs one SQL statement against the
 * project's warehouse, read-only, and prints the result. The grammar: at most two arguments; the SQL
 * is always one argument (quoted in the shell); with two, the first is the project folder and must
 * be one; with one, an existing folder is the project and anything else is the SQL. Without SQL it
 * prints the table overview. Anything else is a usage error (exit code 2), never a guess.
 */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        customSynopsis = "sluice query [-hV] [--verbose] [--format=table|csv|json] [DIR] [SQL]",
        description = {
            "Run one SQL statement against files/warehouse.db (read-only) and print the result.",
            "The SQL is always one argument: quote it. DIR, when given, comes first and must be",
            "a folder (default: the project of the current folder); a lone argument is DIR when",
            "it is a folder, else the SQL. More arguments are refused. Tables are in schema tester:",
            "  sluice query \"SELECT * FROM tester.orders LIMIT 10\"",
            "  sluice query my-project 'SELECT * FROM tester.\"Orders\"' --format csv",
            "Without SQL, list the tables (as `sluice tables`)."
        })
public final class QueryCommand implements Callable<Integer> {

    private static final Pattern PENDING_RESULT_NOISE = Pattern.compile(
            "Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result\\R+Error: ");

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..*",
            paramLabel = "DIR SQL",
            description = "The project folder (optional), then the SQL statement as one argument.")
    List<String> arguments;

    @Mixin
    DestinationOption destination;

    @Option(
            names = "--format",
            paramLabel = "table|csv|json",
            defaultValue = "table",
            description = "table (aligned, long values cut; the default), csv (RFC 4180, a header line, values"
                    + " whole, NULL as an empty field) or json (an array of objects, values whole).")
    ResultFormat format;

    @Override
    public Integer call() {
        List<String> args = arguments == null ? List.of() : arguments;
        Path dir = null;
        String sql = null;
        if (args.size() > 2) {
            throw usage("Expected at most a folder and one SQL statement, but got " + args.size() + " arguments: "
                    + String.join(" ", args) + ". Quote the SQL so that it is one argument, e.g. "
                    + quotedSuggestion(args));
        } else if (args.size() == 2) {
            if (!Files.isDirectory(Path.of(args.get(0)))) {
                throw usage("'" + args.get(0) + "' is not a folder. With two arguments the first is the project"
                        + " folder and the second the SQL; to run SQL in the current project, quote it as one"
                        + " argument, e.g. sluice query " + CommandHint.quote(String.join(" ", args)));
            }
            dir = Path.of(args.get(0));
            sql = args.get(1);
        } else if (args.size() == 1) {
            if (Files.isDirectory(Path.of(args.get(0)))) {
                dir = Path.of(args.get(0));
            } else if (looksLikeAFolder(args.get(0))) {
                throw new CliException("No such folder: "
                        + Path.of(args.get(0)).toAbsolutePath().normalize());
            } else {
                sql = args.get(0);
            }
        }
        if (sql != null && sql.isBlank()) {
            throw usage("The SQL statement is empty");
        }
        if (sql == null && format != ResultFormat.TABLE) {
            throw usage("--format " + format.name().toLowerCase(Locale.ROOT) + " formats the result of SQL: add"
                    + " the SQL, e.g. sluice query \"SELECT * FROM tester.my_table\" --format "
                    + format.name().toLowerCase(Locale.ROOT));
        }
        Path project = ProjectDirs.existing(dir);
        PrintWriter out = spec.commandLine().getOut();
        DestinationConfig config = destination.config(project);
        try (WarehouseReader reader = WarehouseFiles.open(project, config)) {
            if (sql == null) {
                WarehouseOverview.print(
                        reader, project, WarehouseFiles.where(config), destination.hintArguments(), out, 0);
                return 0;
            }
            QueryResult result = run(reader, sql);
            if (result.columns().isEmpty()) {
                out.println("OK (no result set)");
                return 0;
            }
            format.print(result, out);
        }
        out.flush();
        return 0;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String quotedSuggestion(List<String> args) {
        if (Files.isDirectory(Path.of(args.get(0)))) {
            return "sluice query " + CommandHint.quote(args.get(0)) + " "
                    + CommandHint.quote(String.join(" ", args.subList(1, args.size())));
        }
        return "sluice query " + CommandHint.quote(String.join(" ", args));
    }

    private static boolean looksLikeAFolder(String arg) {
        return arg.chars().noneMatch(Character::isWhitespace)
                && (arg.contains("/") || arg.contains(java.io.File.separator) || arg.startsWith("."));
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
