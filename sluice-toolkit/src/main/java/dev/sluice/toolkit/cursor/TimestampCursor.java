package dev.sluice.toolkit.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.toolkit.ToolkitException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An incremental cursor on an "updated at" timestamp, kept in the connector's {@link State} under
 * one key as {@code {"timestamp": "...Z", "ids": ["41", "42"]}}: the latest timestamp emitted and
 * the ids emitted at exactly that timestamp.
 *
 * <p>Use: query the source for records with {@code updated >= }{@link #since()} in ascending order
 * of the timestamp; for each record, {@link #accept(Object, Object)} says whether to emit it (it
 * skips the records already emitted at the boundary, so the inclusive query does not duplicate
 * them) and records it as emitted; after each page, {@link #checkpoint(Operations)} moves the
 * cursor in state and checkpoints. The cursor in state never moves past a record that was not
 * emitted: it moves only in {@link #commit()}, which belongs right before
 * {@code operations.checkpoint(state)}.
 *
 * <p>A look-back window makes {@link #since()} that much earlier than the cursor, to catch records
 * that become visible late with an older timestamp; those are emitted again (upserts are
 * idempotent). Timestamps may be ISO-8601 strings, JSON text nodes or {@link Instant}s (see
 * {@link Timestamps}).
 *
 * <p>Not thread-safe, like {@link State}.
 */
public final class TimestampCursor {

    private static final String TIMESTAMP = "timestamp";
    private static final String IDS = "ids";

    private final State state;
    private final String key;
    private Duration lookBack = Duration.ZERO;
    private Instant start;
    private final Instant committed;
    private final Set<String> committedIds;
    private Instant pending;
    private Set<String> pendingIds;

    private TimestampCursor(State state, String key) {
        this.state = state;
        this.key = key;
        Object saved = state.get(key);
        if (saved == null) {
            committed = null;
            committedIds = Set.of();
        } else if (saved instanceof Map<?, ?> map && map.get(TIMESTAMP) != null) {
            committed = read(map.get(TIMESTAMP));
            Set<String> ids = new LinkedHashSet<>();
            if (map.get(IDS) instanceof List<?> list) {
                list.forEach(id -> ids.add(String.valueOf(id)));
            }
            committedIds = Set.copyOf(ids);
        } else if (saved instanceof String text) {
            committed = read(text);
            committedIds = Set.of();
        } else {
            throw new ToolkitException("State key '" + key + "' holds " + saved + ", not a timestamp cursor"
                    + " ({\"timestamp\": \"...\", \"ids\": [...]}): reset the connection's state or use another key");
        }
        pending = committed;
        pendingIds = new LinkedHashSet<>(committedIds);
    }

    /**
     * @param state the connector's state, read now and written by {@link #commit()}
     * @param key the state key of this cursor, e.g. {@code orders_cursor}
     * @return the cursor saved under that key, or a new one
     * @throws ToolkitException naming the key when it holds something else
     */
    public static TimestampCursor of(State state, String key) {
        return new TimestampCursor(Objects.requireNonNull(state, "state"), Objects.requireNonNull(key, "key"));
    }

    /**
     * @param window how much earlier than the cursor to start reading
     * @return this cursor
     */
    public TimestampCursor lookBack(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("The look-back window must not be negative but is " + window);
        }
        this.lookBack = window;
        return this;
    }

    /**
     * @param initial where a first sync starts (an ISO-8601 string or an Instant); the epoch by default
     * @return this cursor
     */
    public TimestampCursor startingAt(Object initial) {
        this.start = Timestamps.toInstant(initial);
        return this;
    }

    /** @return the state key */
    public String key() {
        return key;
    }

    /** @return the timestamp read from state when this cursor was made (null on a first sync); {@link #commit()} does not change it */
    public Instant position() {
        return committed;
    }

    /** @return where to read from: the committed timestamp minus the look-back, or the start */
    public Instant since() {
        if (committed == null) {
            return start != null ? start : Instant.EPOCH;
        }
        Instant since = committed.minus(lookBack);
        return start != null && since.isBefore(start) ? start : since;
    }

    /** @return {@link #since()} as ISO-8601, for a query parameter */
    public String sinceIso() {
        return since().toString();
    }

    /**
     * @param timestamp the record's timestamp
     * @param id the record's id (compared as text)
     * @return false when the record was already emitted at the committed boundary
     */
    public boolean isNew(Object timestamp, Object id) {
        return isNew(timestamp(timestamp), idText(id));
    }

    private boolean isNew(Instant at, String id) {
        return !(at.equals(committed) && committedIds.contains(id));
    }

    /**
     * Notes that a record was emitted, so that the next {@link #commit()} moves past it.
     *
     * @param timestamp the record's timestamp
     * @param id the record's id (compared as text)
     */
    public void emitted(Object timestamp, Object id) {
        emitted(timestamp(timestamp), idText(id));
    }

    private void emitted(Instant at, String text) {
        if (pending == null || at.isAfter(pending)) {
            pending = at;
            pendingIds.clear();
            pendingIds.add(text);
        } else if (at.equals(pending)) {
            pendingIds.add(text);
        }
    }

    /**
     * {@link #isNew} then, when new, {@link #emitted}: call it for each record, emit when true.
     *
     * @param timestamp the record's timestamp
     * @param id the record's id
     * @return whether to emit the record
     */
    public boolean accept(Object timestamp, Object id) {
        Instant at = timestamp(timestamp);
        String text = idText(id);
        if (!isNew(at, text)) {
            return false;
        }
        emitted(at, text);
        return true;
    }

    /**
     * Writes the cursor of every record emitted so far into state. Call it right before
     * {@code operations.checkpoint(state)}, once the records it covers were emitted.
     */
    public void commit() {
        if (pending == null) {
            return;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put(TIMESTAMP, pending.toString());
        value.put(IDS, new ArrayList<>(pendingIds));
        state.put(key, value);
    }

    /**
     * {@link #commit()}, then checkpoints the state: call it after each page's records were emitted.
     *
     * @param operations where the checkpoint goes
     */
    public void checkpoint(Operations operations) {
        commit();
        operations.checkpoint(state);
    }

    private Instant timestamp(Object value) {
        if (value == null || value instanceof JsonNode node && (node.isNull() || node.isMissingNode())) {
            throw new ToolkitException("A record has no timestamp for cursor '" + key
                    + "': check the timestamp field the connector reads");
        }
        try {
            return Timestamps.toInstant(value);
        } catch (IllegalArgumentException e) {
            throw new ToolkitException("Cursor '" + key + "': " + e.getMessage(), e);
        }
    }

    private String idText(Object id) {
        if (id == null || id instanceof JsonNode node && (node.isNull() || node.isMissingNode())) {
            throw new ToolkitException(
                    "A record has no id for cursor '" + key + "': check the id field the connector reads");
        }
        return id instanceof JsonNode node ? node.asText() : String.valueOf(id);
    }

    private Instant read(Object saved) {
        try {
            return Timestamps.toInstant(saved);
        } catch (IllegalArgumentException e) {
            throw new ToolkitException(
                    "State key '" + key + "' holds a cursor that is not a timestamp: " + e.getMessage()
                            + "; reset the connection's state",
                    e);
        }
    }

    @Override
    public String toString() {
        return "TimestampCursor[" + key + " at " + committed + "]";
    }
}
