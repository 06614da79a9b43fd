package dev.sluice.cli.command;

import dev.sluice.cli.output.CommandHint;
import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.report.ProgressLine;
import dev.sluice.engine.runtime.SyncHandle;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.engine.state.StateFileStore;
import dev.sluice.engine.state.StateStore;
import dev.sluice.sdk.Connector;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one sync in the foreground with a live progress line. Ctrl-C (or anything else that shuts the
 * JVM down) cancels the sync and waits for it to stop at its last checkpoint; the progress line is
 * then cleared, one line on stderr says where state is and how to resume, and the JVM exits with
 * the signal's code (130 for Ctrl-C).
 */
final class ForegroundSync {

    /** The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it. */
    static final int INTERRUPTED = 130;

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int STOPPING = 2;
    private static final long STOP_WAIT_SECONDS = 10;

    private final SyncOptions options;
    private final String rerun;
    private final PrintWriter err;
    private final AtomicInteger phase = new AtomicInteger(RUNNING);
    private final CountDownLatch reported = new CountDownLatch(1);

    /**
     * @param options the sync's options
     * @param rerun the command that runs this sync again, as the user can paste it
     * @param err where the interruption is reported
     */
    ForegroundSync(SyncOptions options, String rerun, PrintWriter err) {
        this.options = options;
        this.rerun = rerun;
        this.err = err;
    }

    /**
     * @param connector the connector to sync
     * @return how the sync ended
     */
    SyncResult run(Connector connector) {
        SyncHandle handle;
        SyncResult result;
        try (ProgressLine progress = ProgressLine.open(System.out, System.console() != null)) {
            handle = SyncRuntime.shared().start(connector, options, progress);
            Thread hook = new Thread(() -> stop(handle), "sluice-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            result = handle.await();
            progress.close();
            if (phase.compareAndSet(RUNNING, DONE)) {
                removeHook(hook);
                return result;
            }
        }
        report(result.metrics().checkpoints());
        return result;
    }

    /** @return whether the sync was stopped by Ctrl-C or another shutdown of the JVM */
    boolean interrupted() {
        return phase.get() == STOPPING;
    }

    private void stop(SyncHandle handle) {
        if (!phase.compareAndSet(RUNNING, STOPPING)) {
            return;
        }
        handle.cancel("interrupted");
        try {
            if (!reported.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                report(handle.metrics().checkpoints());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void report(long checkpoints) {
        if (reported.getCount() == 0) {
            return;
        }
        String where = describe(options.stateStore());
        String resume = "run `" + rerun + "` again to resume";
        err.println(
                checkpoints > 0
                        ? "interrupted: state is at checkpoint " + checkpoints + " of this sync (" + where + "); "
                                + resume
                        : "interrupted before this sync's first checkpoint: state is as it started (" + where + "); "
                                + resume);
        err.flush();
        reported.countDown();
    }

    private static String describe(StateStore store) {
        return store instanceof StateFileStore file ? CommandHint.folder(file.file()) : store.describe();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook then finds the sync done and returns at once
        }
    }
}
