package dev.sluice.examples.quickstart;

import java.time.Instant;
import java.util.List;

/**
 * One page of a change feed.
 *
 * @param changes the changes, oldest first
 * @param hasMore whether more changes follow the last one
 */
record Page(List<Change> changes, boolean hasMore) {

    /** @return the {@code updated_at} of the last change: the cursor to ask for the next page */
    Instant lastUpdatedAt() {
        return changes.get(changes.size() - 1).updatedAt();
    }
}
