package dev.sluice.sdk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A connector's resumable position: a JSON object saved by {@link Operations#checkpoint(State)}
 * and handed back to the next sync. Keys are strings; values are what JSON can hold: strings,
 * numbers, booleans, null, lists and maps of those. Instants are stored as ISO-8601 strings.
 *
 * <p>Not thread-safe: a connector that shares one state between threads must synchronise, or
 * checkpoint a {@link #copy()}. State is stored in plain text: never put secrets in it.
 */
public final class State {

    private final Map<String, Object> values;

    private State(Map<String, Object> values) {
        this.values = values;
    }

    /** @return a new state without keys, as on a first sync */
    public static State empty() {
        return new State(new LinkedHashMap<>());
    }

    /**
     * @param values JSON-compatible values
     * @return a new state holding a deep copy of {@code values}
     * @throws IllegalArgumentException naming the key whose value JSON cannot hold
     */
    public static State of(Map<String, ?> values) {
        State state = empty();
        values.forEach(state::put);
        return state;
    }

    /**
     * @param key the key
     * @return the value as a string (numbers and booleans are converted), or null when absent
     */
    public String getString(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    /**
     * @param key the key
     * @param defaultValue returned when the key is absent or null
     * @return the value as a string, or {@code defaultValue}
     */
    public String getString(String key, String defaultValue) {
        String value = getString(key);
        return value == null ? defaultValue : value;
    }

    /**
     * @param key the key
     * @param defaultValue returned when the key is absent or null
     * @return the value as a long
     * @throws IllegalStateException naming the key when the value is not a whole number
     */
    public long getLong(String key, long defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        try {
            return new BigDecimal(value.toString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalStateException("State key '" + key + "' holds '" + value + "', not a whole number");
        }
    }

    /**
     * @param key the key
     * @return the value as an instant, or null when absent
     * @throws IllegalStateException naming the key when the value is not an ISO-8601 instant
     */
    public Instant getInstant(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("State key '" + key + "' holds '" + value
                    + "', not an ISO-8601 instant such as 2024-01-31T12:00:00Z");
        }
    }

    /**
     * @param key the key
     * @param defaultValue returned when the key is absent or null
     * @return the value as an instant, or {@code defaultValue}
     */
    public Instant getInstant(String key, Instant defaultValue) {
        Instant value = getInstant(key);
        return value == null ? defaultValue : value;
    }

    /**
     * @param key the key
     * @return the raw JSON value (String, Long, Double, BigDecimal, Boolean, List, Map), or null;
     *     lists and maps are unmodifiable: change them with {@link #put(String, Object)}
     */
    public Object get(String key) {
        return values.get(key);
    }

    /**
     * @param key the key
     * @return whether the key is present
     */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * Sets a value. Instants become ISO-8601 strings; ints become longs; maps and lists are
     * copied deeply.
     *
     * @param key the key, not null
     * @param value a JSON-compatible value, or null
     * @return this state
     * @throws IllegalArgumentException naming the key when JSON cannot hold the value (for
     *     example an arbitrary object, NaN or a map with a non-string key)
     */
    public State put(String key, Object value) {
        Objects.requireNonNull(key, "state key");
        values.put(key, toJsonValue(key, value));
        return this;
    }

    /**
     * @param key the key
     * @return this state, without the key
     */
    public State remove(String key) {
        values.remove(key);
        return this;
    }

    /** @return an unmodifiable view of the values, in insertion order; nested lists and maps are unmodifiable too */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** @return a deep copy that later changes to this state do not affect */
    public State copy() {
        return State.of(values);
    }

    /** @return whether the state has no keys */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    private static Object toJsonValue(String path, Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw notJson(path, value, "JSON has no NaN or Infinity");
            }
            return d;
        }
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Instant) {
            return value.toString();
        }
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw notJson(path, value, "JSON object keys must be strings");
                }
                String childKey = (String) entry.getKey();
                copy.put(childKey, toJsonValue(path + "." + childKey, entry.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            int index = 0;
            for (Object element : (List<?>) value) {
                copy.add(toJsonValue(path + "[" + index++ + "]", element));
            }
            return Collections.unmodifiableList(copy);
        }
        throw notJson(path, value, "use a string, number, boolean, Instant, list or map");
    }

    private static IllegalArgumentException notJson(String path, Object value, String hint) {
        return new IllegalArgumentException("State value at '" + path + "' cannot be stored as JSON ("
                + value.getClass().getName() + "): " + hint);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof State state && state.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "State" + values;
    }
}
