package dev.sluice.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateTest {

    @Test
    void emptyHasNoKeysAndEachCallIsANewState() {
        State a = State.empty();
        State b = State.empty();

        assertThat(a.isEmpty()).isTrue();
        assertThat(a.asMap()).isEmpty();
        a.put("x", 1);
        assertThat(b.isEmpty()).as("State.empty() must not share storage").isTrue();
    }

    @Test
    void putAndGetEachKindOfValue() {
        State state = State.empty()
                .put("string", "abc")
                .put("long", 3_000_000_000L)
                .put("double", 1.5)
                .put("decimal", new BigDecimal("12.340"))
                .put("bigint", new BigInteger("123456789012345678901234567890"))
                .put("bool", true)
                .put("null", null)
                .put("list", List.of("a", 2))
                .put("map", Map.of("k", "v"));

        assertThat(state.get("string")).isEqualTo("abc");
        assertThat(state.get("long")).isEqualTo(3_000_000_000L);
        assertThat(state.get("double")).isEqualTo(1.5);
        assertThat(state.get("decimal")).isEqualTo(new BigDecimal("12.340"));
        assertThat(state.get("bigint")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(state.get("bool")).isEqualTo(true);
        assertThat(state.has("null")).isTrue();
        assertThat(state.get("null")).isNull();
        assertThat(state.get("list")).isEqualTo(List.of("a", 2L));
        assertThat(state.get("map")).isEqualTo(Map.of("k", "v"));
        assertThat(state.has("absent")).isFalse();
        assertThat(state.get("absent")).isNull();
        assertThat(state.asMap().keySet())
                .containsExactly("string", "long", "double", "decimal", "bigint", "bool", "null", "list", "map");
    }

    @Test
    void intsShortsAndBytesBecomeLongsAndFloatsBecomeDoubles() {
        State state = State.empty()
                .put("int", 7)
                .put("short", (short) 8)
                .put("byte", (byte) 9)
                .put("float", 0.5f)
                .put("nested", Map.of("n", 1, "list", List.of(2)));

        assertThat(state.get("int")).isInstanceOf(Long.class).isEqualTo(7L);
        assertThat(state.get("short")).isInstanceOf(Long.class).isEqualTo(8L);
        assertThat(state.get("byte")).isInstanceOf(Long.class).isEqualTo(9L);
        assertThat(state.get("float")).isInstanceOf(Double.class).isEqualTo(0.5);
        assertThat(state.get("nested")).isEqualTo(Map.of("n", 1L, "list", List.of(2L)));
        assertThat(State.empty().put("a", 7)).isEqualTo(State.empty().put("a", 7L));
    }

    @Test
    void getStringConvertsAndDefaults() {
        State state = State.empty().put("s", "x").put("n", 42).put("b", false).put("null", null);

        assertThat(state.getString("s")).isEqualTo("x");
        assertThat(state.getString("n")).isEqualTo("42");
        assertThat(state.getString("b")).isEqualTo("false");
        assertThat(state.getString("absent")).isNull();
        assertThat(state.getString("absent", "d")).isEqualTo("d");
        assertThat(state.getString("null", "d")).isEqualTo("d");
        assertThat(state.getString("s", "d")).isEqualTo("x");
    }

    @Test
    void getLongReadsWholeNumbersInAnyFormAndDefaults() {
        State state = State.empty()
                .put("long", 5L)
                .put("int", 6)
                .put("string", "7")
                .put("double", 8.0)
                .put("decimal", new BigDecimal("9.00"))
                .put("null", null);

        assertThat(state.getLong("long", 0)).isEqualTo(5L);
        assertThat(state.getLong("int", 0)).isEqualTo(6L);
        assertThat(state.getLong("string", 0)).isEqualTo(7L);
        assertThat(state.getLong("double", 0)).isEqualTo(8L);
        assertThat(state.getLong("decimal", 0)).isEqualTo(9L);
        assertThat(state.getLong("absent", -1)).isEqualTo(-1L);
        assertThat(state.getLong("null", -1)).isEqualTo(-1L);
    }

    @Test
    void getLongOfSomethingElseNamesTheKey() {
        State state = State.empty().put("cursor", "abc").put("fraction", 1.5).put("flag", true);

        assertThatThrownBy(() -> state.getLong("cursor", 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'cursor'")
                .hasMessageContaining("'abc'")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> state.getLong("fraction", 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'fraction'");
        assertThatThrownBy(() -> state.getLong("flag", 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'flag'");
    }

    @Test
    void instantsRoundTripAsIso8601Strings() {
        Instant instant = Instant.parse("2024-01-31T12:34:56.789123456Z");
        State state = State.empty().put("since", instant);

        assertThat(state.get("since")).isEqualTo("2024-01-31T12:34:56.789123456Z");
        assertThat(state.getInstant("since")).isEqualTo(instant);
        assertThat(state.getInstant("since", Instant.EPOCH)).isEqualTo(instant);
        assertThat(state.getInstant("absent")).isNull();
        assertThat(state.getInstant("absent", Instant.EPOCH)).isEqualTo(Instant.EPOCH);
        assertThat(State.empty().put("s", "2024-01-01T00:00:00Z").getInstant("s"))
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(State.of(state.asMap()).getInstant("since")).isEqualTo(instant);
    }

    @Test
    void getInstantOfSomethingElseNamesTheKey() {
        State state = State.empty().put("since", "yesterday");

        assertThatThrownBy(() -> state.getInstant("since"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'since'")
                .hasMessageContaining("'yesterday'")
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void removeDropsAKey() {
        State state = State.empty().put("a", 1).put("b", 2);

        assertThat(state.remove("a")).isSameAs(state);
        assertThat(state.has("a")).isFalse();
        assertThat(state.asMap()).containsOnlyKeys("b");
        state.remove("absent");
        assertThat(state.asMap()).containsOnlyKeys("b");
    }

    @Test
    void putCopiesMapsAndListsDeeply() {
        List<Object> list = new ArrayList<>(List.of("a"));
        Map<String, Object> inner = new HashMap<>(Map.of("x", 1));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("inner", inner);
        outer.put("list", list);
        State state = State.empty().put("outer", outer);

        inner.put("x", 2);
        inner.put("y", 3);
        list.add("b");
        outer.put("later", true);

        assertThat(state.get("outer")).isEqualTo(Map.of("inner", Map.of("x", 1L), "list", List.of("a")));
    }

    @Test
    void listsMayHoldNulls() {
        State state = State.empty().put("list", Arrays.asList("a", null));

        assertThat(state.get("list")).isEqualTo(Arrays.asList("a", null));
    }

    @Test
    void asMapIsUnmodifiableAllTheWayDown() {
        State state = State.empty().put("map", Map.of("k", "v")).put("list", List.of(1));

        assertThatThrownBy(() -> state.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.asMap().remove("map")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) state.get("map");
        @SuppressWarnings("unchecked")
        List<Object> nestedList = (List<Object>) state.asMap().get("list");
        // writing through a nested value would bypass the JSON checks of put
        assertThatThrownBy(() -> nested.put("bad", new Object())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> nestedList.add(new Object())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(state.get("map")).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void asMapIsALiveViewInInsertionOrder() {
        State state = State.empty().put("b", 1);
        Map<String, Object> view = state.asMap();

        state.put("a", 2);

        assertThat(view.keySet()).containsExactly("b", "a");
    }

    @Test
    void copyIsIndependentDeeply() {
        State original = State.empty().put("cursor", 1).put("per_table", Map.of("orders", Map.of("page", 3)));
        State copy = original.copy();

        assertThat(copy).isEqualTo(original).isNotSameAs(original);
        assertThat(copy.hashCode()).isEqualTo(original.hashCode());

        original.put("cursor", 2)
                .put("per_table", Map.of("orders", Map.of("page", 4)))
                .put("new", "x");

        assertThat(copy.getLong("cursor", 0)).isEqualTo(1L);
        assertThat(copy.get("per_table")).isEqualTo(Map.of("orders", Map.of("page", 3L)));
        assertThat(copy.has("new")).isFalse();
        assertThat(copy).isNotEqualTo(original);
    }

    @Test
    void ofCopiesDeeplyAndConvertsValues() {
        Map<String, Object> nested = new HashMap<>(Map.of("n", 1));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("since", Instant.parse("2024-01-01T00:00:00Z"));
        values.put("nested", nested);
        State state = State.of(values);

        nested.put("n", 2);
        values.put("later", 1);

        assertThat(state.asMap()).containsOnlyKeys("since", "nested");
        assertThat(state.get("since")).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(state.get("nested")).isEqualTo(Map.of("n", 1L));
        assertThat(State.of(Map.of())).isEqualTo(State.empty());
    }

    @Test
    void ofRejectsWhatJsonCannotHoldNamingTheKey() {
        assertThatThrownBy(() -> State.of(Map.of("when", LocalDate.of(2024, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'when'");
    }

    @Test
    void valuesJsonCannotHoldAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> State.empty().put("obj", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'obj'")
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> State.empty().put("date", LocalDate.of(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'date'");
        assertThatThrownBy(() -> State.empty().put("set", Set.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'set'");
        assertThatThrownBy(() -> State.empty().put("array", new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'array'");
    }

    @Test
    void nestedValuesJsonCannotHoldAreRejectedNamingTheKeyPath() {
        Map<String, Object> a = Map.of("b", Arrays.asList("ok", new Object()));
        Map<String, Object> deep = Map.of("x", List.of(Map.of("y", Instant.EPOCH), Map.of("z", new StringBuilder())));

        assertThatThrownBy(() -> State.empty().put("a", a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a.b[1]'");
        assertThatThrownBy(() -> State.empty().put("deep", deep))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'deep.x[1].z'");
        assertThatThrownBy(() -> State.of(Map.of("top", a)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'top.b[1]'");
    }

    @Test
    void mapsWithNonStringKeysAreRejected() {
        assertThatThrownBy(() -> State.empty().put("m", Map.of(1, "one")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'m'")
                .hasMessageContaining("keys must be strings");
    }

    @Test
    void nanAndInfinityAreRejected() {
        assertThatThrownBy(() -> State.empty().put("ratio", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ratio'")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> State.empty().put("f", Float.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'f'");
        assertThatThrownBy(() -> State.empty().put("inf", Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'inf'");
        assertThatThrownBy(() -> State.empty().put("nested", Map.of("l", List.of(1.0, Double.NaN))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nested.l[1]'");
    }

    @Test
    void aRejectedPutLeavesTheStateUnchanged() {
        State state = State.empty().put("a", 1);

        assertThatThrownBy(() -> state.put("a", Map.of("bad", new Object())))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(state.get("a")).isEqualTo(1L);
    }

    @Test
    void aNullKeyIsRejected() {
        assertThatThrownBy(() -> State.empty().put(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringShowsTheValues() {
        assertThat(State.empty().put("cursor", 5).toString()).isEqualTo("State{cursor=5}");
    }
}
