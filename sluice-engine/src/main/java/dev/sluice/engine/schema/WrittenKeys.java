package dev.sluice.engine.schema;

/**
 * A set of primary keys kept as 64-bit hashes in open addressing: the keys a sync wrote to a table it
 * created, so that upserts of keys the table certainly does not hold are appended without a merge,
 * and the keys staged in one run of upserts, to know whether one repeats. {@link #add} of a key that
 * was added before always says so; it says so of another key only when their hashes collide (about
 * one in 2^64 per pair, never for two {@code Long} keys), which merely costs a merge. The set is
 * split into {@value #SEGMENTS} segments by the hash's top bits, each growing on its own, so growing
 * never needs more than a sliver of extra memory; about 11-21 bytes per key (134 MB at 12M keys).
 * Not thread-safe.
 */
public final class WrittenKeys {

    private static final int SEGMENTS = 256;
    private static final int FIRST_SEGMENT_CAPACITY = 16;

    private final long[][] segments = new long[SEGMENTS][];
    private final int[] sizes = new int[SEGMENTS];
    private long size;

    /**
     * @param row canonical values by column position
     * @param keyPositions positions of the key columns
     * @return the row's key: the key value, or a list of them for a composite key
     */
    public static Object keyOf(Object[] row, int[] keyPositions) {
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
        return value instanceof byte[]
                ? new String((byte[]) value, java.nio.charset.StandardCharsets.ISO_8859_1)
                : value;
    }

    /**
     * @param key a key
     * @return true when the key was added, false when it (or a key with the same hash) was there
     */
    public boolean add(Object key) {
        long hash = hash(key);
        int segment = segmentOf(hash);
        long[] slots = segments[segment];
        if (slots == null) {
            slots = segments[segment] = new long[FIRST_SEGMENT_CAPACITY];
        } else if (sizes[segment] * 4L >= slots.length * 3L) {
            slots = segments[segment] = grown(slots);
        }
        if (insert(slots, hash)) {
            sizes[segment]++;
            size++;
            return true;
        }
        return false;
    }

    /** @return how many distinct keys were added */
    public long size() {
        return size;
    }

    private static int segmentOf(long hash) {
        return (int) (hash >>> 56);
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

    private static long[] grown(long[] slots) {
        long[] bigger = new long[slots.length * 2];
        for (long hash : slots) {
            if (hash != 0) {
                insert(bigger, hash);
            }
        }
        return bigger;
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
