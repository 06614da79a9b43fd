package dev.sluice.testkit;

/**
 * What {@link ConnectorTester#assertResumesFromEveryCheckpoint(ResumeCheckOptions)} checks. Immutable;
 * start from {@link #fromEmptyState()} or {@link #fromCurrentState()}:
 *
 * <pre>{@code
 * tester.assertResumesFromEveryCheckpoint(ResumeCheckOptions.fromCurrentState().everyNthCheckpoint(5));
 * }</pre>
 */
public final class ResumeCheckOptions {

    /** Resumed syncs tried after a stop before the check gives up, by default. */
    public static final int DEFAULT_MAX_RESUME_ATTEMPTS = 3;

    private final boolean fromCurrentState;
    private final int maxResumeAttempts;
    private final int everyNth;
    private final boolean keepFailedProjects;

    private ResumeCheckOptions(
            boolean fromCurrentState, int maxResumeAttempts, int everyNth, boolean keepFailedProjects) {
        this.fromCurrentState = fromCurrentState;
        this.maxResumeAttempts = maxResumeAttempts;
        this.everyNth = everyNth;
        this.keepFailedProjects = keepFailedProjects;
    }

    /**
     * @return a check of a first sync: every sync starts from an empty state and an empty
     *     warehouse
     */
    public static ResumeCheckOptions fromEmptyState() {
        return new ResumeCheckOptions(false, DEFAULT_MAX_RESUME_ATTEMPTS, 1, true);
    }

    /**
     * @return a check of the tester's next sync: every sync starts from a copy of the tester's
     *     warehouse and saved state (an incremental sync after the ones the test ran)
     */
    public static ResumeCheckOptions fromCurrentState() {
        return new ResumeCheckOptions(true, DEFAULT_MAX_RESUME_ATTEMPTS, 1, true);
    }

    /**
     * @param attempts how many syncs to run after a stop until one succeeds, at least 1
     * @return a copy of this check with that limit
     */
    public ResumeCheckOptions maxResumeAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("maxResumeAttempts must be at least 1, not " + attempts);
        }
        return new ResumeCheckOptions(fromCurrentState, attempts, everyNth, keepFailedProjects);
    }

    /**
     * Checks only checkpoints n, 2n, 3n, ... and always the last one: for syncs with many
     * checkpoints, where stopping after each would take long.
     *
     * @param n the step, at least 1 (1, the default, checks every checkpoint)
     * @return a copy of this check with that step
     */
    public ResumeCheckOptions everyNthCheckpoint(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("everyNthCheckpoint needs a step of at least 1, not " + n);
        }
        return new ResumeCheckOptions(fromCurrentState, maxResumeAttempts, n, keepFailedProjects);
    }

    /**
     * @param keep whether a failed check keeps its throw-away projects for inspection (the
     *     default) or deletes them
     * @return a copy of this check with that choice
     */
    public ResumeCheckOptions keepFailedProjects(boolean keep) {
        return new ResumeCheckOptions(fromCurrentState, maxResumeAttempts, everyNth, keep);
    }

    /** @return whether a failed check keeps its projects */
    public boolean keepsFailedProjects() {
        return keepFailedProjects;
    }

    /** @return whether syncs start from the tester's current warehouse and state */
    public boolean startsFromCurrentState() {
        return fromCurrentState;
    }

    /** @return how many syncs are run after a stop until one succeeds */
    public int maxResumeAttempts() {
        return maxResumeAttempts;
    }

    /** @return the step between checked checkpoints */
    public int checkpointStep() {
        return everyNth;
    }

    /**
     * @param checkpoint a checkpoint number, from 1
     * @param last the reference sync's number of checkpoints
     * @return whether to stop a sync after that checkpoint
     */
    boolean checks(int checkpoint, int last) {
        return checkpoint == last || checkpoint % everyNth == 0;
    }

    @Override
    public String toString() {
        return "ResumeCheckOptions[from " + (fromCurrentState ? "current" : "empty") + " state, maxResumeAttempts="
                + maxResumeAttempts + ", everyNthCheckpoint=" + everyNth + ", keepFailedProjects=" + keepFailedProjects
                + "]";
    }
}
