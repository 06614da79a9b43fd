package dev.sluice.engine.crash;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deterministic connector for crash tests. It works through {@code pages} pages and checkpoints
 * after each one with state {@code {"page": next, "cursor": ...}}; everything a page emits is a pure
 * function of the page number, so a sync resumed from the state of checkpoint k emits exactly what
 * an uninterrupted sync emits after checkpoint k.
 *
 * <p>Tables:
 * <ul>
 *   <li>{@code orders}: key {@code id}; declared {@code amount DECIMAL(12,2)} and
 *       {@code created_at UTC_DATETIME}; inferred status, quantity (INT, widened to LONG at page
 *       {@link #LONG_PAGE} and to DOUBLE at page {@link #DOUBLE_PAGE}), customer, placed_on (DATE),
 *       local_at (TIMESTAMP), and {@code note}, a column that appears at page {@link #NOTE_PAGE}.
 *       Upserts of new ids, partial updates (some of keys upserted in the same page, some of
 *       unknown keys, some setting a column to NULL), deletes of earlier keys (and unknown keys),
 *       re-upserts of the keys deleted one page before (revive).</li>
 *   <li>{@code order_lines}: composite key (order_id LONG, line_no INT) declared; inferred sku,
 *       qty, price (DOUBLE) and {@code gift}, a BOOLEAN appearing at page {@link #GIFT_PAGE};
 *       truncated at page {@link #TRUNCATE_LINES_PAGE} and then written on, and lines of page 10
 *       revived after it.</li>
 *   <li>{@code events}: keyless (undeclared, {@code _fivetran_id}), with identical rows emitted twice
 *       within a page and again on the next page (they collapse), a JSON column, an inferred
 *       DECIMAL, a weight INT widened to DOUBLE at page {@link #WEIGHT_DOUBLE_PAGE}; truncated at
 *       page {@link #TRUNCATE_EVENTS_PAGE}. Every {@link #BULK_EVERY}th page (0, 6, 12, ...) also
 *       upserts {@link #BULK_EVENTS} bulk events: the engine hands rows to its writer thread in
 *       batches of 1024 or at a checkpoint, truncate or schema change, so only an interval of more
 *       than 1024 operations flushes rows ({@code flushRows}) before its checkpoint.</li>
 * </ul>
 *
 * <p>Configuration (all optional): {@code pages} (default 60), {@code scale} (rows per page
 * factor, default 1), {@code stopAfterPage} (return normally after checkpointing that page),
 * {@code throwInPage} + {@code throwAfterOps} (throw in the middle of that page),
 * {@code badValueInPage} (upsert a value the declared DECIMAL column cannot hold, in the middle of
 * that page: the engine fails the sync), {@code stallInPage} + {@code stallAfterOps} (print
 * {@code STALL page=N} and sleep for a minute in the middle of that page, so a test can kill the
 * process while flushed data is not yet committed), {@code pageDelayMillis} (sleep before each page).
 */
public final class CrashableConnector implements Connector {

    static final int NOTE_PAGE = 20;
    static final int GIFT_PAGE = 15;
    static final int LONG_PAGE = 25;
    static final int DOUBLE_PAGE = 40;
    static final int WEIGHT_DOUBLE_PAGE = 35;
    static final int TRUNCATE_LINES_PAGE = 30;
    static final int TRUNCATE_EVENTS_PAGE = 45;
    static final int BULK_EVERY = 6;
    static final int BULK_EVENTS = 1100;
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    static final String STALL_MARKER = "STALL page=";

    /** Thrown when asked to fail in the middle of a page. */
    public static final class PlannedFailure extends RuntimeException {
        PlannedFailure(String message) {
            super(message);
        }
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(
                Table.named("orders")
                        .primaryKey("id")
                        .column("id", DataType.LONG)
                        .decimalColumn("amount", 12, 2)
                        .column("created_at", DataType.UTC_DATETIME)
                        .build(),
                Table.named("order_lines")
                        .primaryKey("order_id", "line_no")
                        .column("order_id", DataType.LONG)
                        .column("line_no", DataType.INT)
                        .build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        int pages = configuration.getInt("pages", 60);
        int scale = configuration.getInt("scale", 1);
        int stopAfter = configuration.getInt("stopAfterPage", Integer.MAX_VALUE);
        int pageDelay = configuration.getInt("pageDelayMillis", 0);
        Hooks hooks = new Hooks(configuration);
        for (int page = (int) state.getLong("page", 0); page < pages; page++) {
            if (pageDelay > 0) {
                Thread.sleep(pageDelay);
            }
            Counting ops = new Counting(operations, page, hooks);
            emitPage(page, scale, ops);
            operations.checkpoint(stateAfter(page));
            if (page >= stopAfter) {
                return;
            }
        }
    }

    /** @return the state checkpointed after a page */
    static State stateAfter(int page) {
        return State.empty()
                .put("page", page + 1)
                .put("cursor", EPOCH.plus(page + 1L, ChronoUnit.HOURS).toString());
    }

    static int ordersPerPage(int scale) {
        return 150 * scale;
    }

    static void emitPage(int p, int scale, Operations ops) {
        int perPage = ordersPerPage(scale);
        // orders: new rows
        for (int i = 0; i < perPage; i++) {
            long id = (long) p * perPage + i;
            ops.upsert("orders", order(id, p, i));
        }
        // order_lines: truncate, then two lines for every second new order
        if (p == TRUNCATE_LINES_PAGE) {
            ops.truncate("order_lines");
        }
        for (int i = 0; i < perPage; i += 2) {
            long orderId = (long) p * perPage + i;
            for (int line = 1; line <= 2; line++) {
                ops.upsert("order_lines", line(orderId, line, p));
            }
        }
        // events: keyless, with duplicates within the page and from the page before
        if (p == TRUNCATE_EVENTS_PAGE) {
            ops.truncate("events");
        }
        for (int i = 0; i < 40 * scale; i++) {
            ops.upsert("events", event(p, i));
            if (i % 5 == 0) {
                ops.upsert("events", event(p, i));
            }
            if (p > 0 && i % 4 == 0) {
                ops.upsert("events", event(p - 1, i));
            }
        }
        if (p % BULK_EVERY == 0) {
            // a bulk page: more operations than the engine hands its writer thread at once (1024), so
            // that rows are flushed (flushRows) in the middle of the checkpoint interval
            for (int j = 0; j < BULK_EVENTS * scale; j++) {
                ops.upsert("events", bulkEvent(p, j));
            }
        }
        if (p >= 1) {
            // partial updates of earlier orders, of orders of this page, of unknown keys
            for (int j = 0; j < 40 * scale; j++) {
                long id = j % 4 == 0 ? (long) p * perPage + j : pick(p, j, (long) p * perPage);
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("id", id);
                change.put("status", "shipped-" + p);
                if (j % 5 == 0) {
                    change.put("amount", BigDecimal.valueOf(id * 7 + p, 2));
                }
                if (j % 7 == 0) {
                    change.put("note", null);
                }
                if (j % 11 == 0) {
                    change.put("customer", null);
                }
                ops.update("orders", change);
                if (j % 13 == 0) {
                    ops.update("orders", Map.of("id", -1L - j, "status", "ghost"));
                }
            }
            // partial updates of order lines
            for (int j = 0; j < 30 * scale; j++) {
                long orderId = pick(p, j + 1000, (long) p * perPage) & ~1L;
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("order_id", orderId);
                change.put("line_no", 1 + j % 2);
                change.put("qty", j % 3 == 0 ? null : p + j);
                ops.update("order_lines", change);
            }
        }
        if (p >= 2) {
            // deletes of earlier keys (and unknown ones)
            for (int j = 0; j < 20 * scale; j++) {
                ops.delete("orders", Map.of("id", deletedAt(p, j, scale)));
            }
            ops.delete("orders", Map.of("id", 10_000_000L + p));
            for (int j = 0; j < 15 * scale; j++) {
                long orderId = pick(p, j + 2000, (long) (p - 1) * perPage) & ~1L;
                ops.delete("order_lines", Map.of("order_id", orderId, "line_no", 1 + j % 2));
            }
        }
        if (p >= 3) {
            // revive: upsert again the orders deleted one page before
            for (int j = 0; j < 10 * scale; j++) {
                long id = deletedAt(p - 1, j, scale);
                ops.upsert("orders", order(id, p, (int) (id % perPage)));
            }
        }
        if (p > TRUNCATE_LINES_PAGE) {
            // revive lines of page 10, soft-deleted by the truncate
            long orderId = 10L * perPage + 2L * (p - TRUNCATE_LINES_PAGE);
            ops.upsert("order_lines", line(orderId, 1, p));
        }
    }

    private static long deletedAt(int p, int j, int scale) {
        return pick(p, j + 500, (long) (p - 1) * ordersPerPage(scale));
    }

    /** A deterministic pseudo-random number in [0, bound). */
    static long pick(int p, int j, long bound) {
        long x = p * 0x9E3779B97F4A7C15L + j * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 29;
        return Math.floorMod(x, bound);
    }

    static Map<String, Object> order(long id, int p, int i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put(
                "amount",
                i % 9 == 0
                        ? String.valueOf(BigDecimal.valueOf(id * 3 % 100_000, 2))
                        : BigDecimal.valueOf(id * 3 % 100_000, 2));
        row.put("created_at", EPOCH.plus(id, ChronoUnit.MINUTES));
        row.put("status", "new");
        Object quantity;
        if (p >= DOUBLE_PAGE && i % 10 == 0) {
            quantity = id + 0.5;
        } else if (p >= LONG_PAGE && i % 10 == 0) {
            quantity = 3_000_000_000L + id;
        } else {
            quantity = i % 50;
        }
        row.put("quantity", quantity);
        row.put("customer", i % 6 == 0 ? null : "c" + id % 97);
        row.put("placed_on", LocalDate.of(2024, 1, 1).plusDays(id % 365));
        row.put("localAt", LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(id * 37));
        if (p >= NOTE_PAGE && i % 3 == 0) {
            row.put("note", "note-" + id + "-p" + p);
        }
        return row;
    }

    static Map<String, Object> line(long orderId, int line, int p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("order_id", orderId);
        row.put("line_no", line);
        row.put("sku", "SKU-" + (orderId * 31 + line) % 1000);
        row.put("qty", line + (int) (orderId % 5));
        row.put("price", (orderId % 1000) / 4.0 + line);
        if (p >= GIFT_PAGE) {
            row.put("gift", (orderId + line) % 3 == 0);
        }
        return row;
    }

    static Map<String, Object> event(int p, int i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", i % 3 == 0 ? "click" : i % 3 == 1 ? "view" : "buy");
        row.put("page", p);
        row.put("seq", i);
        row.put("at", LocalDateTime.of(2024, 2, 1, 0, 0).plusMinutes(p * 100L + i));
        Map<String, Object> attributes = new TreeMap<>();
        attributes.put("p", p);
        attributes.put("tags", List.of("t" + i % 4, "x"));
        row.put("attributes", attributes);
        row.put("price", BigDecimal.valueOf(p * 1000L + i, 3));
        row.put("weight", p >= WEIGHT_DOUBLE_PAGE && i % 8 == 0 ? i + 0.25 : (Object) (i % 17));
        return row;
    }

    static Map<String, Object> bulkEvent(int p, int j) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", "bulk");
        row.put("page", p);
        row.put("seq", j);
        row.put("weight", j % 23);
        return row;
    }

    /** Test hooks that fire in the middle of a page, after a number of operations. */
    private static final class Hooks {
        final int throwInPage;
        final int throwAfterOps;
        final int badValueInPage;
        final int stallInPage;
        final int stallAfterOps;

        Hooks(Configuration configuration) {
            throwInPage = configuration.getInt("throwInPage", -1);
            throwAfterOps = configuration.getInt("throwAfterOps", 1300);
            badValueInPage = configuration.getInt("badValueInPage", -1);
            stallInPage = configuration.getInt("stallInPage", -1);
            stallAfterOps = configuration.getInt("stallAfterOps", 400);
        }

        void afterOperation(int page, int count, Operations operations) {
            if (page == throwInPage && count == throwAfterOps) {
                throw new PlannedFailure("planned failure in page " + page + " after " + count + " operations");
            }
            if (page == badValueInPage && count == throwAfterOps) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", 1L);
                row.put("amount", "not a number");
                operations.upsert("orders", row);
            }
            if (page == stallInPage && count == stallAfterOps) {
                try {
                    Thread.sleep(300); // let the writer thread flush what was handed over
                    System.out.println(STALL_MARKER + page);
                    System.out.flush();
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Counts the operations of a page and fires the hooks. */
    private static final class Counting implements Operations {
        private final Operations delegate;
        private final int page;
        private final Hooks hooks;
        private int count;

        Counting(Operations delegate, int page, Hooks hooks) {
            this.delegate = delegate;
            this.page = page;
            this.hooks = hooks;
        }

        private void done() {
            hooks.afterOperation(page, ++count, delegate);
        }

        @Override
        public void upsert(String table, Map<String, ?> row) {
            delegate.upsert(table, row);
            done();
        }

        @Override
        public void upsert(String table, Record row) {
            delegate.upsert(table, row);
            done();
        }

        @Override
        public void update(String table, Map<String, ?> modified) {
            delegate.update(table, modified);
            done();
        }

        @Override
        public void delete(String table, Map<String, ?> keys) {
            delegate.delete(table, keys);
            done();
        }

        @Override
        public void truncate(String table) {
            delegate.truncate(table);
            done();
        }

        @Override
        public void checkpoint(State state) {
            delegate.checkpoint(state);
        }

        @Override
        public void warning(String message) {
            delegate.warning(message);
        }
    }
}
