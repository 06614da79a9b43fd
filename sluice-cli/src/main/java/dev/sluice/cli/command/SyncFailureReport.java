package dev.sluice.cli.command;

import dev.sluice.cli.output.CommandHint;
import dev.sluice.cli.output.FailureLocation;
import dev.sluice.engine.ProjectLayout;
import dev.sluice.engine.SyncResult;
import dev.sluice.sdk.SyncException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Tells on stderr why a sync failed: {@code Sync FAILED: <why>}, then where in the connector's own
 * code it happened (when a frame of it is known) and, for an unexpected exception, that
 * {@code --verbose} prints its stack trace.
 */
final class SyncFailureReport {

    private final Path project;
    private final boolean verbose;

    /**
     * @param project the connector project (its compiled classes locate the failure)
     * @param verbose whether the stack trace is printed anyway
     */
    SyncFailureReport(Path project, boolean verbose) {
        this.project = project;
        this.verbose = verbose;
    }

    void print(SyncResult result, PrintWriter err) {
        err.println("Sync FAILED: " + CommandHint.located(result.failureMessage(), project));
        Throwable failure = result.failure();
        if (failure != null && !result.cancelled()) {
            FailureLocation.in(failure, ProjectLayout.of(project).classesDir())
                    .ifPresent(frame -> err.println("  at " + frame));
            if (!verbose && !(failure instanceof SyncException)) {
                err.println("Run again with --verbose (or SLUICE_DEBUG=1) to see the stack trace.");
            }
        }
        err.flush();
    }
}
