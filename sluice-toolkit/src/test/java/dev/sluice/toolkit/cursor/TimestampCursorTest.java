package dev.sluice.toolkit.cursor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.toolkit.ToolkitException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimestampCursorTest {

    @Test
    void aNewCursorStartsAtTheStartOrTheEpoch() {
        assertThat(TimestampCursor.of(State.empty(), "c").since()).isEqualTo(Instant.EPOCH);
        assertThat(TimestampCursor.of(State.empty(), "c")
                        .startingAt("2024-01-01T00:00:00Z")
                        .sinceIso())
                .isEqualTo("2024-01-01T00:00:00Z");
    }

    @Test
    void movesInStateOnlyOnCommit() {
        State state = State.empty();
        TimestampCursor cursor = TimestampCursor.of(state, "orders");

        assertThat(cursor.accept("2024-01-02T00:00:00Z", 1)).isTrue();
        assertThat(cursor.accept(Instant.parse("2024-01-03T00:00:00Z"), 2)).isTrue();
        assertThat(state.has("orders"))
                .as("nothing moves before the page was emitted")
                .isFalse();

        cursor.commit();

        assertThat(state.get("orders")).isEqualTo(Map.of("timestamp", "2024-01-03T00:00:00Z", "ids", List.of("2")));
    }

    @Test
    void theInclusiveBoundaryEmitsNothingTwice() {
        State state = State.empty();
        TimestampCursor first = TimestampCursor.of(state, "orders");
        first.accept("2024-01-02T00:00:00Z", 1);
        first.accept("2024-01-02T10:00:00+00:00", 2);
        first.accept(new TextNode("2024-01-02T10:00:00Z"), 3);
        first.commit();

        TimestampCursor next = TimestampCursor.of(State.of(state.asMap()), "orders");

        assertThat(next.since()).isEqualTo(Instant.parse("2024-01-02T10:00:00Z"));
        assertThat(next.accept("2024-01-02T10:00:00Z", 2)).isFalse();
        assertThat(next.accept("2024-01-02T10:00:00Z", "3")).isFalse();
        assertThat(next.accept("2024-01-02T10:00:00Z", 4))
                .as("new at the boundary")
                .isTrue();
        assertThat(next.accept("2024-01-02T11:00:00Z", 2))
                .as("updated again later")
                .isTrue();
    }

    @Test
    void idsAtTheBoundaryAccumulateAcrossSyncs() {
        State state = State.of(Map.of("c", Map.of("timestamp", "2024-01-02T00:00:00Z", "ids", List.of("1"))));
        TimestampCursor cursor = TimestampCursor.of(state, "c");
        cursor.accept("2024-01-02T00:00:00Z", 2);
        cursor.commit();

        assertThat(state.get("c")).isEqualTo(Map.of("timestamp", "2024-01-02T00:00:00Z", "ids", List.of("1", "2")));
    }

    @Test
    void theLookBackWindowReadsEarlierAndReEmitsOlderRecords() {
        State state = State.of(Map.of("c", Map.of("timestamp", "2024-01-02T10:00:00Z", "ids", List.of("9"))));
        TimestampCursor cursor = TimestampCursor.of(state, "c").lookBack(Duration.ofHours(1));

        assertThat(cursor.since()).isEqualTo(Instant.parse("2024-01-02T09:00:00Z"));
        assertThat(cursor.accept(OffsetDateTime.parse("2024-01-02T09:30:00Z"), 5))
                .isTrue();
        cursor.commit();
        assertThat(cursor.position()).isEqualTo(Instant.parse("2024-01-02T10:00:00Z"));
        assertThat(state.get("c"))
                .as("an older record does not move the cursor back")
                .isEqualTo(Map.of("timestamp", "2024-01-02T10:00:00Z", "ids", List.of("9")));
    }

    @Test
    void checkpointCommitsThenCheckpointsTheState() {
        State state = State.empty();
        List<State> saved = new ArrayList<>();
        TimestampCursor cursor = TimestampCursor.of(state, "c");
        cursor.accept("2024-05-01T00:00:00Z", "a");

        cursor.checkpoint(new RecordingOperations(saved));

        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).get("c")).isEqualTo(Map.of("timestamp", "2024-05-01T00:00:00Z", "ids", List.of("a")));
    }

    @Test
    void readsAPlainTimestampSavedUnderTheKey() {
        State state = State.of(Map.of("c", "2024-01-02T00:00:00Z"));
        assertThat(TimestampCursor.of(state, "c").since()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    }

    @Test
    void badInputNamesTheKey() {
        assertThatThrownBy(() -> TimestampCursor.of(State.of(Map.of("c", 42L)), "c"))
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("State key 'c' holds 42");
        assertThatThrownBy(() -> TimestampCursor.of(State.of(Map.of("c", "yesterday")), "c"))
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("'yesterday'");
        TimestampCursor cursor = TimestampCursor.of(State.empty(), "orders");
        assertThatThrownBy(() -> cursor.accept("01/02/2024", 1))
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("Cursor 'orders'")
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> cursor.accept(null, 1)).hasMessageContaining("no timestamp for cursor 'orders'");
        assertThatThrownBy(() -> cursor.accept("2024-01-01T00:00:00Z", null)).hasMessageContaining("no id");
    }

    private record RecordingOperations(List<State> saved) implements Operations {
        @Override
        public void upsert(String table, Map<String, ?> row) {}

        @Override
        public void upsert(String table, Record row) {}

        @Override
        public void update(String table, Map<String, ?> modified) {}

        @Override
        public void delete(String table, Map<String, ?> keys) {}

        @Override
        public void truncate(String table) {}

        @Override
        public void checkpoint(State state) {
            saved.add(state.copy());
        }

        @Override
        public void warning(String message) {}
    }
}
