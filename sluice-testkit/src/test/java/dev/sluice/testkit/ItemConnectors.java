package dev.sluice.testkit;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Connectors of an {@link ItemSource}: a correct incremental one and ones that break a contract check. */
final class ItemConnectors {

    static final int PAGE_SIZE = 5;

    private ItemConnectors() {}

    /** Reads the items changed since its cursor, the last version read, a page between checkpoints. */
    static class Incremental implements Connector {
        final ItemSource source;

        Incremental(ItemSource source) {
            this.source = source;
        }

        @Override
        public List<Table> schema(Configuration configuration) {
            return List.of(Table.named("items").primaryKey("id").build());
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            List<ItemSource.Item> changed = source.changedAfter(state.getLong("version", 0));
            for (int start = 0; start < changed.size(); start += PAGE_SIZE) {
                List<ItemSource.Item> page = changed.subList(start, Math.min(start + PAGE_SIZE, changed.size()));
                page.forEach(item -> operations.upsert("items", row(item)));
                operations.checkpoint(
                        state.put("version", page.get(page.size() - 1).version()));
            }
        }

        Map<String, Object> row(ItemSource.Item item) {
            return Map.of("id", item.id(), "name", item.name());
        }
    }

    /** Lands every item, but with its name in capitals. */
    static final class WrongNames extends Incremental {
        WrongNames(ItemSource source) {
            super(source);
        }

        @Override
        Map<String, Object> row(ItemSource.Item item) {
            return Map.of("id", item.id(), "name", item.name().toUpperCase(Locale.ROOT));
        }
    }

    /** Writes every item and never checkpoints. */
    static final class NeverCheckpoints extends Incremental {
        NeverCheckpoints(ItemSource source) {
            super(source);
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            source.all().forEach(item -> operations.upsert("items", row(item)));
        }
    }

    /** Reads every item on every sync, a page between checkpoints; resumes at the next page. */
    static final class ResendsEverything extends Incremental {
        ResendsEverything(ItemSource source) {
            super(source);
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            List<ItemSource.Item> all = source.all();
            for (long page = state.getLong("page", 0); page * PAGE_SIZE < all.size(); page++) {
                int start = (int) page * PAGE_SIZE;
                all.subList(start, Math.min(start + PAGE_SIZE, all.size()))
                        .forEach(item -> operations.upsert("items", row(item)));
                boolean last = start + PAGE_SIZE >= all.size();
                operations.checkpoint(last ? state.remove("page") : state.put("page", page + 1));
            }
        }
    }

    /**
     * Lands items in a keyless table, each row marked with the number of the sync that read it,
     * and saves as its cursor the version before the page it checkpoints (but the last): a sync
     * resumed there reads that page again, and its rows, marked anew, land a second time.
     */
    static final class DuplicatesOnResume extends Incremental {
        DuplicatesOnResume(ItemSource source) {
            super(source);
        }

        @Override
        public List<Table> schema(Configuration configuration) {
            return List.of(Table.named("items").build());
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            long extraction = state.getLong("extractions", 0) + 1;
            state.put("extractions", extraction);
            List<ItemSource.Item> changed = source.changedAfter(state.getLong("version", 0));
            for (int start = 0; start < changed.size(); start += PAGE_SIZE) {
                List<ItemSource.Item> page = changed.subList(start, Math.min(start + PAGE_SIZE, changed.size()));
                page.forEach(item -> operations.upsert(
                        "items", Map.of("id", item.id(), "name", item.name(), "extraction", extraction)));
                boolean last = start + PAGE_SIZE >= changed.size();
                ItemSource.Item cursor = last ? page.get(page.size() - 1) : page.get(0);
                operations.checkpoint(state.put("version", last ? cursor.version() : cursor.version() - 1));
            }
        }
    }
}
