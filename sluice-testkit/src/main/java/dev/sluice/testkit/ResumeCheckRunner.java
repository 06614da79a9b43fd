package dev.sluice.testkit;

import dev.sluice.engine.CheckpointObserver;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.State;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one resume check (see {@link ConnectorTester#assertResumesFromEveryCheckpoint(ResumeCheckOptions)})
 * in throw-away projects under one work folder: deleted when the check passes, kept for
 * inspection when it fails.
 */
final class ResumeCheckRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ResumeCheckRunner.class);

    private final Supplier<? extends Connector> connectors;
    private final TesterSyncOptions settings;
    private final ResumeCheckOptions check;
    private final Path startProject;
    private Path workDir;
    private int syncsRun;
    private Reference reference;
    private WarehouseContents referenceThenNextSync;

    /**
     * @param connectors gives the connector for each sync
     * @param settings configuration and engine settings
     * @param check what to check
     * @param startProject the project whose {@code files/} every sync starts from, or null to
     *     start from nothing
     */
    ResumeCheckRunner(
            Supplier<? extends Connector> connectors,
            TesterSyncOptions settings,
            ResumeCheckOptions check,
            Path startProject) {
        this.connectors = connectors;
        this.settings = settings.inProjectFiles();
        this.check = check;
        this.startProject = startProject;
    }

    ResumeCheckReport run() {
        long start = System.nanoTime();
        workDir = ProjectFiles.createTempDirectory("sluice-resume-check-");
        boolean keep = false;
        try {
            reference = runReference();
            List<Integer> checked = new ArrayList<>();
            for (int k = 1; k <= reference.checkpoints(); k++) {
                if (check.checks(k, reference.checkpoints())) {
                    checkResumeAfter(k);
                    checked.add(k);
                }
            }
            ResumeCheckReport report = new ResumeCheckReport(
                    reference.checkpoints(),
                    List.copyOf(checked),
                    syncsRun,
                    reference.tables().rowCounts(),
                    Duration.ofNanos(System.nanoTime() - start));
            LOG.info("{}", report);
            return report;
        } catch (AssertionError e) {
            keep = check.keepsFailedProjects();
            throw e;
        } finally {
            if (!keep) {
                ProjectFiles.delete(workDir);
            }
        }
    }

    private Reference runReference() {
        Path project = newProject("reference");
        List<State> states = new ArrayList<>();
        SyncResult result = sync(project, (number, state) -> states.add(state.copy()));
        if (!result.succeeded()) {
            throw failure(
                    "The uninterrupted reference sync failed: " + result.failureMessage() + kept(project),
                    result.failure());
        }
        return new Reference(project, List.copyOf(states), WarehouseContents.read(settings.destinationFor(project)));
    }

    private void checkResumeAfter(int checkpoint) {
        Path project = newProject("stopped-after-checkpoint-" + checkpoint);
        stopAfter(checkpoint, project);
        int attempts = resume(checkpoint, project);
        boolean sameAsFinal = reference.states().get(checkpoint - 1).equals(reference.finalState());
        WarehouseContents expected = sameAsFinal ? referenceThenNextSync() : reference.tables();
        Optional<WarehouseContents.Difference> difference =
                expected.firstDifference(WarehouseContents.read(settings.destinationFor(project)));
        if (difference.isPresent()) {
            WarehouseContents.Difference d = difference.get();
            throw new AssertionFailedError(
                    prefix(checkpoint) + "stopping the sync right after checkpoint "
                            + checkpoint + " and resuming it (" + attempts + (attempts == 1 ? " sync" : " syncs")
                            + ") did not end with the tables of "
                            + (sameAsFinal
                                    ? "the uninterrupted sync followed by one more sync (checkpoint " + checkpoint
                                            + " saved the final state, so resuming from it is a new sync)"
                                    : "the uninterrupted sync")
                            + ": " + d.message() + kept(project),
                    d.expected(),
                    d.actual());
        }
        LOG.debug(
                "Resume check: stopped after checkpoint {} of {}, resumed in {} sync(s): same tables",
                checkpoint,
                reference.checkpoints(),
                attempts);
        ProjectFiles.delete(project);
    }

    private void stopAfter(int checkpoint, Path project) {
        StopAfterCheckpoint stop = new StopAfterCheckpoint(checkpoint);
        SyncResult stopped = sync(project, stop);
        if (stopped.succeeded()) {
            throw failure(
                    prefix(checkpoint)
                            + (stop.fired
                                    ? "the sync went on after the test kit threw from checkpoint " + checkpoint
                                            + " to simulate a crash: let exceptions from Operations.checkpoint propagate,"
                                            + " never catch them"
                                    : "the sync made only " + stop.seen
                                            + " checkpoints where the uninterrupted sync made "
                                            + reference.checkpoints()
                                            + ": from the same state and source data a connector"
                                            + " must emit the same operations every time")
                            + kept(project),
                    null);
        }
        if (!stop.fired) {
            throw failure(
                    prefix(checkpoint) + "the sync failed after " + stop.seen
                            + " checkpoints, before the test kit stopped it, though the uninterrupted sync succeeded: "
                            + stopped.failureMessage() + kept(project),
                    stopped.failure());
        }
    }

    private int resume(int checkpoint, Path project) {
        SyncResult last = null;
        for (int attempt = 1; attempt <= check.maxResumeAttempts(); attempt++) {
            last = sync(project, null);
            if (last.succeeded()) {
                return attempt;
            }
        }
        throw failure(
                prefix(checkpoint) + "after the sync was stopped at checkpoint " + checkpoint + ", "
                        + check.maxResumeAttempts() + " resumed syncs all failed; the last with: "
                        + last.failureMessage()
                        + kept(project),
                last.failure());
    }

    private WarehouseContents referenceThenNextSync() {
        if (referenceThenNextSync == null) {
            Path project = newProject("reference-then-next-sync");
            ProjectFiles.copyFilesFolder(reference.project(), project);
            SyncResult next = sync(project, null);
            if (!next.succeeded()) {
                throw failure(
                        "The sync after the uninterrupted reference sync failed: " + next.failureMessage()
                                + kept(project),
                        next.failure());
            }
            referenceThenNextSync = WarehouseContents.read(settings.destinationFor(project));
        }
        return referenceThenNextSync;
    }

    private Path newProject(String name) {
        Path project = workDir.resolve(name);
        ProjectFiles.createDirectories(project);
        if (startProject != null) {
            ProjectFiles.copyFilesFolder(startProject, project);
        }
        return project;
    }

    private SyncResult sync(Path project, CheckpointObserver observer) {
        syncsRun++;
        return SyncRuntime.shared().run(connectors.get(), settings.options(project, observer));
    }

    private String prefix(int checkpoint) {
        return "Resume check, checkpoint " + checkpoint + " of " + reference.checkpoints() + ": ";
    }

    private String kept(Path project) {
        if (!check.keepsFailedProjects()) {
            return "";
        }
        return "\nThe projects are kept for inspection: "
                + (reference == null ? "" : reference.project() + " (uninterrupted) and ") + project;
    }

    private static AssertionError failure(String message, Throwable cause) {
        AssertionError error = new AssertionError(message);
        if (cause != null) {
            error.initCause(cause);
        }
        return error;
    }

    /**
     * The uninterrupted sync every resumed one is compared with.
     *
     * @param project its project folder
     * @param states the state saved at each checkpoint, in order
     * @param tables its tables at the end
     */
    private record Reference(Path project, List<State> states, WarehouseContents tables) {
        int checkpoints() {
            return states.size();
        }

        State finalState() {
            return states.get(states.size() - 1);
        }
    }

    /** Throws right after a given checkpoint, as a crash there would end the sync. */
    private static final class StopAfterCheckpoint implements CheckpointObserver {
        private final int stopAfter;
        private int seen;
        private boolean fired;

        StopAfterCheckpoint(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void checkpointed(int number, State state) {
            seen = number;
            if (number == stopAfter) {
                fired = true;
                throw new SimulatedCrash(number);
            }
        }
    }
}
