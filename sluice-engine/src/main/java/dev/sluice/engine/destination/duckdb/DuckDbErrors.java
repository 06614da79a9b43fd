package dev.sluice.engine.destination.duckdb;

import dev.sluice.sdk.SyncException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns DuckDB's failures to open a warehouse into messages that say what to do. */
public final class DuckDbErrors {

    private static final Pattern PID = Pattern.compile("PID (\\d+)");

    private DuckDbErrors() {}

    /**
     * @param file the warehouse file
     * @param e DuckDB's failure
     * @return a failure that names the file and, when another process holds it, that process
     */
    public static SyncException openFailed(Path file, SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("lock")) {
            Matcher pid = PID.matcher(message);
            return new SyncException(
                    file + " is in use by another process"
                            + (pid.find() ? " (PID " + pid.group(1) + ")" : "")
                            + ": close it (a DuckDB shell, another `sluice debug` or `sluice query`) and try again",
                    e);
        }
        return new SyncException(
                "Cannot open the warehouse " + file + ": " + message
                        + ". If the file is damaged, run `sluice reset` to start over",
                e);
    }
}
