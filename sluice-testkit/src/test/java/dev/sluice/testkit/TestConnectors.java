package dev.sluice.testkit;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small connectors for testing the test kit, correct ones and ones with resume bugs. */
final class TestConnectors {

    static final int PAGES = 10;
    static final int PAGE_SIZE = 100;

    private TestConnectors() {}

    /** Row {@code id} of table {@code items}: the same values whenever it is emitted. */
    static Map<String, Object> item(long id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", "item-" + id);
        row.put("price", BigDecimal.valueOf(id * 25, 2));
        row.put("inStock", id % 3 != 0);
        row.put("createdAt", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id * 60));
        return row;
    }

    /** 1000 rows of {@code items} in 10 pages, a checkpoint after each; resumes at the next page. */
    static class Paged implements Connector {
        @Override
        public List<Table> schema(Configuration configuration) {
            return List.of(Table.named("items")
                    .primaryKey("id")
                    .decimalColumn("price", 10, 2)
                    .build());
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            for (long page = state.getLong("next_page", 0); page < PAGES; page++) {
                emitPage(page, operations);
                operations.checkpoint(state.put("next_page", page + 1));
            }
        }

        void emitPage(long page, Operations operations) {
            for (long id = page * PAGE_SIZE + 1; id <= (page + 1) * PAGE_SIZE; id++) {
                operations.upsert("items", item(id));
            }
        }
    }

    /**
     * Numbers its rows with a running sequence but forgets to keep that cursor in state: a
     * resumed sync numbers from 1 again, so its rows differ from an uninterrupted sync's.
     */
    static final class ForgetsSequence extends Paged {
        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            long sequence = 0;
            for (long page = state.getLong("next_page", 0); page < PAGES; page++) {
                for (long id = page * PAGE_SIZE + 1; id <= (page + 1) * PAGE_SIZE; id++) {
                    Map<String, Object> row = item(id);
                    row.put("sequence", ++sequence);
                    operations.upsert("items", row);
                }
                operations.checkpoint(state.put("next_page", page + 1));
            }
        }
    }

    /** Saves a cursor one page too far: a resumed sync skips a page. */
    static final class SkipsPageOnResume extends Paged {
        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            for (long page = state.getLong("next_page", 0); page < PAGES; page++) {
                emitPage(page, operations);
                operations.checkpoint(state.put("next_page", page + 2));
            }
        }
    }

    /** Emits its last page after its last checkpoint: correct, a resumed sync emits it again. */
    static final class TailAfterLastCheckpoint extends Paged {
        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            for (long page = state.getLong("next_page", 0); page < PAGES; page++) {
                emitPage(page, operations);
                if (page < PAGES - 1) {
                    operations.checkpoint(state.put("next_page", page + 1));
                }
            }
        }
    }

    /** Catches the failure of a checkpoint and goes on: a crash there would go unnoticed. */
    static final class SwallowsCheckpointFailures extends Paged {
        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            for (long page = state.getLong("next_page", 0); page < PAGES; page++) {
                emitPage(page, operations);
                try {
                    operations.checkpoint(state.put("next_page", page + 1));
                } catch (RuntimeException ignored) {
                    // the bug under test
                }
            }
        }
    }

    /** Emits {@code pagesBeforeFailure} pages with their checkpoints, then throws. */
    static final class FailsAfter extends Paged {
        private final int pagesBeforeFailure;

        FailsAfter(int pagesBeforeFailure) {
            this.pagesBeforeFailure = pagesBeforeFailure;
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            for (long page = state.getLong("next_page", 0); page < pagesBeforeFailure; page++) {
                emitPage(page, operations);
                operations.checkpoint(state.put("next_page", page + 1));
            }
            throw new SyncException("the source answered 503 Service Unavailable");
        }
    }

    /**
     * An incremental source: sync number n (from 1) upserts 40 new rows, changes the price of
     * two earlier ones with {@code update}, deletes one and checkpoints every 10 operations.
     */
    static final class Incremental implements Connector {
        @Override
        public List<Table> schema(Configuration configuration) {
            return List.of(Table.named("items").primaryKey("id").build());
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            long round = state.getLong("round", 0) + (state.has("in_progress") ? 0 : 1);
            state.put("round", round).put("in_progress", true);
            long done = state.getLong("done", 0);
            List<Runnable> work = roundWork(round, operations);
            for (long i = done; i < work.size(); i++) {
                work.get((int) i).run();
                if ((i + 1) % 10 == 0) {
                    operations.checkpoint(state.put("done", i + 1));
                }
            }
            state.remove("in_progress").remove("done");
            operations.checkpoint(state);
        }

        private static List<Runnable> roundWork(long round, Operations operations) {
            List<Runnable> work = new java.util.ArrayList<>();
            long first = (round - 1) * 40 + 1;
            for (long id = first; id < first + 40; id++) {
                long rowId = id;
                work.add(() -> operations.upsert("items", item(rowId)));
            }
            if (round > 1) {
                work.add(() -> operations.update("items", Map.of("id", round, "price", new BigDecimal("9.99"))));
                work.add(
                        () -> operations.update("items", Map.of("id", round + 1, "name", "renamed in round " + round)));
                work.add(() -> operations.delete("items", Map.of("id", round + 2)));
            }
            return work;
        }
    }

    /** Writes the configuration it got, a keyless row and source names that need renaming. */
    static final class EchoesConfiguration implements Connector {
        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            configuration
                    .asMap()
                    .forEach((key, value) ->
                            operations.upsert("configEntries", Map.of("entryKey", key, "entryValue", value)));
            operations.checkpoint(state);
        }
    }

    /** Upserts three rows and deletes the second. */
    static final class UpsertsAndDeletes implements Connector {
        @Override
        public List<Table> schema(Configuration configuration) {
            return List.of(Table.named("users")
                    .primaryKey("id")
                    .column("id", DataType.LONG)
                    .build());
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            operations.upsert("users", Map.of("id", 1, "name", "Ada"));
            operations.upsert("users", Map.of("id", 2, "name", "Grace"));
            operations.upsert("users", Map.of("id", 3, "name", "Linus"));
            operations.delete("users", Map.of("id", 2));
            operations.checkpoint(state);
        }
    }
}
