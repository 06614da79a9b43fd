package dev.sluice.testkit;

/**
 * How many operations of each kind one sync wrote, as the engine counted them: what a test
 * expects of a sync ({@code OperationCounts.of(12, 3, 1)}) and what {@link SyncOutcome#operations()}
 * reports. Compare them with {@code equals}.
 *
 * @param upserts rows inserted or replaced whole
 * @param updates rows changed in some of their columns
 * @param deletes rows deleted (soft-deleted in the destination)
 * @param truncates tables truncated
 */
public record OperationCounts(long upserts, long updates, long deletes, long truncates) {

    /** @throws IllegalArgumentException when a count is negative */
    public OperationCounts {
        if (upserts < 0 || updates < 0 || deletes < 0 || truncates < 0) {
            throw new IllegalArgumentException("Operation counts cannot be negative: " + upserts + " upserts, "
                    + updates + " updates, " + deletes + " deletes, " + truncates + " truncates");
        }
    }

    /**
     * @param upserts rows inserted or replaced whole
     * @param updates rows changed in some of their columns
     * @param deletes rows deleted
     * @return those counts and no truncates
     */
    public static OperationCounts of(long upserts, long updates, long deletes) {
        return new OperationCounts(upserts, updates, deletes, 0);
    }

    /**
     * @param upserts rows inserted or replaced whole
     * @return that many upserts and no other operation
     */
    public static OperationCounts onlyUpserts(long upserts) {
        return of(upserts, 0, 0);
    }

    @Override
    public String toString() {
        return upserts + " upserts, " + updates + " updates, " + deletes + " deletes, " + truncates + " truncates";
    }
}
