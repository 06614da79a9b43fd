package dev.sluice.engine.duckdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upserts of one table held in memory until a flush, one row per primary key: a later upsert of
 * a key replaces the earlier one in place (last wins), so the buffer never holds a key twice and
 * can be appended straight into the table once its old rows for those keys are deleted.
 */
final class UpsertBuffer {

    private final int[] keyPositions;
    private final List<Object[]> rows = new ArrayList<>();
    private final Map<Object, Integer> indexByKey = new HashMap<>();

    /** @param keyPositions positions of the key columns in a row */
    UpsertBuffer(int[] keyPositions) {
        this.keyPositions = keyPositions.clone();
    }

    void add(Object[] row) {
        Integer index = indexByKey.putIfAbsent(keyOf(row), rows.size());
        if (index == null) {
            rows.add(row);
        } else {
            rows.set(index, row);
        }
    }

    List<Object[]> rows() {
        return rows;
    }

    int size() {
        return rows.size();
    }

    /** @return the row's key: the key value, or a list of them for a composite key */
    Object keyOf(Object[] row) {
        if (keyPositions.length == 1) {
            return keyOf(row[keyPositions[0]]);
        }
        Object[] key = new Object[keyPositions.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = keyOf(row[keyPositions[i]]);
        }
        return Arrays.asList(key);
    }

    private static Object keyOf(Object value) {
        return value instanceof byte[] ? new String((byte[]) value, java.nio.charset.StandardCharsets.ISO_8859_1) : value;
    }
}
