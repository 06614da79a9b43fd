package dev.sluice.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrittenKeysTest {

    @Test
    void everyAddedLongKeyIsPresentAndNoOtherIs() {
        WrittenKeys keys = new WrittenKeys();
        for (long id = 0; id < 1_000_000; id++) {
            keys.add(id * 3);
        }
        for (long id = 0; id < 1_000_000; id++) {
            assertThat(keys.mightContain(id * 3)).isTrue();
            assertThat(keys.mightContain(id * 3 + 1)).as("never added: %d", id * 3 + 1).isFalse();
        }
    }

    @Test
    void addingAKeyTwiceKeepsOneEntry() {
        WrittenKeys keys = new WrittenKeys();
        keys.add("a");
        keys.add("a");
        assertThat(keys.mightContain("a")).isTrue();
        assertThat(keys.mightContain("b")).isFalse();
    }

    @Test
    void compositeAndBinaryKeysAreComparedByValue() {
        int[] positions = {0, 2};
        Object[] row = {7L, "ignored", new byte[] {1, 2}};
        Object[] sameKey = {7L, "other", new byte[] {1, 2}};
        Object[] otherKey = {7L, "ignored", new byte[] {1, 3}};
        WrittenKeys keys = new WrittenKeys();
        keys.add(WrittenKeys.keyOf(row, positions));
        assertThat(keys.mightContain(WrittenKeys.keyOf(sameKey, positions))).isTrue();
        assertThat(keys.mightContain(WrittenKeys.keyOf(otherKey, positions))).isFalse();
        assertThat(WrittenKeys.keyOf(new Object[] {"k"}, new int[] {0})).isEqualTo("k");
        assertThat(WrittenKeys.keyOf(row, positions)).isInstanceOf(List.class);
    }
}
