package dev.sluice.examples.quickstart;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.Sluice;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs an emulated shop (see {@link ShopApi}) incrementally: the first sync loads its history,
 * each later sync only what changed since, one simulated day further.
 *
 * <p>Tables: {@code customers} (declared with a few forced types), {@code orders} (declared
 * with its primary key only), {@code order_items} (not declared: keyless, with
 * {@code _fivetran_id}). Each feed is read in pages of {@value #PAGE_SIZE} with a checkpoint
 * after each page, so an interrupted sync resumes where it stopped.
 *
 * <p>State: {@code day} (the simulated day the sync reads up to), {@code day_complete} (whether
 * that sync finished) and one cursor per feed, {@code customers_updated_at} and
 * {@code orders_updated_at}: the {@code updatedAt} of the last change written.
 */
public final class QuickstartConnector implements Connector {

    static final int PAGE_SIZE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(QuickstartConnector.class);

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(
                Table.named("customers")
                        .primaryKey("id")
                        .column("email", DataType.STRING)
                        .decimalColumn("lifetimeValue", 12, 2)
                        .column("createdAt", DataType.UTC_DATETIME)
                        .column("updatedAt", DataType.UTC_DATETIME)
                        .build(),
                Table.named("orders").primaryKey("id").build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        long day = dayToSync(state);
        ShopApi shop = ShopApi.connect(configuration, day);
        LOG.info(
                "Reading the shop as of {} (day {}{})",
                shop.now(),
                day,
                state.has("day") && day == state.getLong("day", -1) ? ", resuming" : "");
        state.put("day", day).put("day_complete", false);
        syncFeed(shop, "customers", state, operations);
        syncFeed(shop, "orders", state, operations);
        operations.checkpoint(state.put("day_complete", true));
    }

    /**
     * @param state the saved state
     * @return the day to read: 0 on a first sync, the same day when the last sync did not
     *     finish, otherwise the next day
     */
    static long dayToSync(State state) {
        if (!state.has("day")) {
            return 0;
        }
        long day = state.getLong("day", 0);
        return Boolean.TRUE.equals(state.get("day_complete")) ? day + 1 : day;
    }

    /** Reads one feed page by page from its cursor, writing each page and checkpointing after it. */
    private static void syncFeed(ShopApi shop, String table, State state, Operations operations) {
        String cursorKey = table + "_updated_at";
        Instant cursor = state.getInstant(cursorKey, Instant.EPOCH);
        Page page;
        int pageNumber = 0;
        do {
            page = shop.changes(table, cursor, PAGE_SIZE);
            if (page.changes().isEmpty()) {
                break;
            }
            page.changes().forEach(change -> write(table, change, operations));
            cursor = page.lastUpdatedAt();
            operations.checkpoint(state.put(cursorKey, cursor));
            LOG.info(
                    "{}: page {} with {} changes, cursor now {}",
                    table,
                    ++pageNumber,
                    page.changes().size(),
                    cursor);
        } while (page.hasMore());
        LOG.info("{}: up to date, {} pages read", table, pageNumber);
    }

    private static void write(String table, Change change, Operations operations) {
        switch (change.kind()) {
            case SAVED -> upsertWithItems(table, change.data(), operations);
            case CHANGED -> operations.update(table, change.data());
            case DELETED -> operations.delete(table, Map.of("id", change.id()));
            default -> throw new IllegalStateException("Unknown change " + change.kind());
        }
    }

    /** Orders arrive with their lines nested under {@code items}: those go to table order_items. */
    private static void upsertWithItems(String table, Map<String, Object> record, Operations operations) {
        Map<String, Object> row = new LinkedHashMap<>(record);
        Object items = row.remove("items");
        operations.upsert(table, row);
        if (items instanceof List<?> lines) {
            for (Object line : lines) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("orderId", row.get("id"));
                ((Map<?, ?>) line).forEach((key, value) -> item.put((String) key, value));
                operations.upsert("order_items", item);
            }
        }
    }

    /**
     * Runs one local sync of this project from an IDE, as {@code sluice debug} does.
     *
     * @param args optional project folder, {@code --configuration F}, {@code --state F}
     */
    public static void main(String[] args) {
        Sluice.debug(new QuickstartConnector(), args);
    }
}
