package dev.sluice.engine.runtime;

import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.naming.NamingStrategy;
import dev.sluice.engine.report.ProgressLine;
import dev.sluice.engine.report.SyncReport;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.spi.LocalRunner;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The engine behind {@link dev.sluice.sdk.Sluice#debug}: a local sync run from a connector's own
 * {@code main}, with the same progress line and summary as {@code sluice debug}.
 */
public final class DebugRunner implements LocalRunner {

    @Override
    public void debug(Connector connector, List<String> args) {
        SyncOptions options = parse(args);
        SyncResult result;
        try (ProgressLine progress = ProgressLine.open(System.out, System.console() != null)) {
            result = SyncRuntime.shared().start(connector, options, progress).await();
        }
        SyncReport.printSummary(result, System.out);
        if (!result.succeeded()) {
            throw new SyncException("Sync FAILED: " + result.failureMessage(), result.failure());
        }
    }

    static SyncOptions parse(List<String> args) {
        Path project = Path.of("");
        Path configuration = null;
        Path state = null;
        NamingStrategy naming = NamingStrategy.FIVETRAN;
        for (Iterator<String> it = args.iterator(); it.hasNext(); ) {
            String arg = it.next();
            switch (arg) {
                case "--configuration" -> configuration = Path.of(value(arg, it));
                case "--state" -> state = Path.of(value(arg, it));
                case "--naming" ->
                    naming = NamingStrategy.valueOf(value(arg, it).toUpperCase(Locale.ROOT));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new SyncException("Unknown option '" + arg
                                + "': use [project folder] [--configuration F] [--state F] [--naming fivetran|source]");
                    }
                    project = Path.of(arg);
                }
            }
        }
        return SyncOptions.forProject(project)
                .configurationFile(configuration)
                .stateFile(state)
                .naming(naming)
                .build();
    }

    private static String value(String option, Iterator<String> it) {
        if (!it.hasNext()) {
            throw new SyncException("Option " + option + " needs a value");
        }
        return it.next();
    }
}
