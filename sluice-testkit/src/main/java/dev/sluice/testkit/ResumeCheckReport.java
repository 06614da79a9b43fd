package dev.sluice.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a passed resume check did.
 *
 * @param referenceCheckpoints checkpoints made by the uninterrupted reference sync
 * @param checkedCheckpoints the checkpoints after which a sync was stopped and resumed, in order
 * @param syncsRun every sync the check ran, reference syncs included
 * @param referenceRows rows per destination table after the reference sync
 * @param duration the check's wall time
 */
public record ResumeCheckReport(
        int referenceCheckpoints,
        List<Integer> checkedCheckpoints,
        int syncsRun,
        Map<String, Integer> referenceRows,
        Duration duration) {

    /** @return how many checkpoints were checked */
    public int checkpointsChecked() {
        return checkedCheckpoints.size();
    }

    @Override
    public String toString() {
        return "Resumed from " + checkpointsChecked() + " of " + referenceCheckpoints
                + " checkpoints with the same tables (" + syncsRun + " syncs in " + duration.toMillis() + " ms; rows "
                + referenceRows + ")";
    }
}
