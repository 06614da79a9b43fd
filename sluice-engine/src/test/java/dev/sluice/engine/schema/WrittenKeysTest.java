package dev.sluice.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrittenKeysTest {

    @Test
    void everyAddedLongKeyIsPresentAndNoOtherIs() {
        WrittenKeys keys = new WrittenKeys();
        for (long id = 0; id < 1_000_000; id++) {
            assertThat(keys.add(id * 3)).isTrue();
        }
        for (long id = 0; id < 1_000_000; id++) {
            assertThat(keys.add(id * 3)).as("added before: %d", id * 3).isFalse();
        }
        assertThat(keys.size()).isEqualTo(1_000_000);
        for (long id = 0; id < 1_000_000; id++) {
            assertThat(keys.add(id * 3 + 1)).as("never added: %d", id * 3 + 1).isTrue();
        }
    }

    @Test
    void addingAKeyTwiceKeepsOneEntry() {
        WrittenKeys keys = new WrittenKeys();
        assertThat(keys.add("a")).isTrue();
        assertThat(keys.add("a")).isFalse();
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.add("b")).isTrue();
    }

    @Test
    void compositeAndBinaryKeysAreComparedByValue() {
        int[] positions = {0, 2};
        Object[] row = {7L, "ignored", new byte[] {1, 2}};
        Object[] sameKey = {7L, "other", new byte[] {1, 2}};
        Object[] otherKey = {7L, "ignored", new byte[] {1, 3}};
        WrittenKeys keys = new WrittenKeys();
        keys.add(WrittenKeys.keyOf(row, positions));
        assertThat(keys.add(WrittenKeys.keyOf(sameKey, positions))).isFalse();
        assertThat(keys.add(WrittenKeys.keyOf(otherKey, positions))).isTrue();
        assertThat(WrittenKeys.keyOf(new Object[] {"k"}, new int[] {0})).isEqualTo("k");
        assertThat(WrittenKeys.keyOf(row, positions)).isInstanceOf(List.class);
    }
}
