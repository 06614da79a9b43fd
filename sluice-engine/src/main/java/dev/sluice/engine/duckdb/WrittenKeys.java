package dev.sluice.engine.duckdb;

/**
 * The primary keys written to a table during this sync, kept as 64-bit hashes in an open-addressing
 * set, so that upserts of keys the table certainly does not hold are appended without a merge. A
 * key that was added always tests as present; another key tests as present only when its hash
 * collides (about one in 2^64 per pair), which merely costs a merge. About 11 bytes per key.
 * Not thread-safe.
 */
final class WrittenKeys {

    private static final int FIRST_CAPACITY = 1 << 16;

    private long[] slots = new long[FIRST_CAPACITY];
    private int size;

    /**
     * @param row canonical values by column position
     * @param keyPositions positions of the key columns
     * @return the row's key: the key value, or a list of them for a composite key
     */
    static Object keyOf(Object[] row, int[] keyPositions) {
        if (keyPositions.length == 1) {
            return keyOf(row[keyPositions[0]]);
        }
        Object[] key = new Object[keyPositions.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = keyOf(row[keyPositions[i]]);
        }
        return java.util.Arrays.asList(key);
    }

    private static Object keyOf(Object value) {
        return value instanceof byte[] ? new String((byte[]) value, java.nio.charset.StandardCharsets.ISO_8859_1) : value;
    }

    /** @return whether the key may have been added */
    boolean mightContain(Object key) {
        long hash = hash(key);
        int mask = slots.length - 1;
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return false;
            }
            if (slot == hash) {
                return true;
            }
        }
    }

    void add(Object key) {
        if (size * 4L >= slots.length * 3L) {
            rehash();
        }
        if (insert(slots, hash(key))) {
            size++;
        }
    }

    private static boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            long slot = table[i];
            if (slot == 0) {
                table[i] = hash;
                return true;
            }
            if (slot == hash) {
                return false;
            }
        }
    }

    private void rehash() {
        long[] bigger = new long[slots.length * 2];
        for (long hash : slots) {
            if (hash != 0) {
                insert(bigger, hash);
            }
        }
        slots = bigger;
    }

    private static long hash(Object key) {
        long h;
        if (key instanceof Long) {
            h = (Long) key;
        } else if (key instanceof String) {
            h = stringHash((String) key);
        } else {
            h = ((long) key.hashCode() << 32) ^ stringHash(String.valueOf(key));
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h;
    }

    private static long stringHash(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }
}
