package dev.sluice.engine.duckdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Bloom filter of the primary keys written to a table during this sync, so that upserts of keys
 * the table certainly does not hold skip the delete of old rows. It answers "maybe" for every key
 * added (never a false "no") and for about 1% of other keys. It grows as keys arrive: a chain of
 * filters, each twice the size of the one before, at about 1.2 bytes per key. Not thread-safe.
 */
final class KeyFilter {

    private static final int HASHES = 7;
    private static final int BITS_PER_KEY = 10;
    private static final int FIRST_BITS = 1 << 20;

    private final List<long[]> filters = new ArrayList<>();
    private long[] current;
    private long capacity;
    private long count;

    KeyFilter() {
        grow(FIRST_BITS);
    }

    /** @return whether the key may have been added */
    boolean mightContain(Object key) {
        long hash = hash(key);
        for (long[] bits : filters) {
            if (test(bits, hash)) {
                return true;
            }
        }
        return false;
    }

    void add(Object key) {
        if (count >= capacity) {
            grow(current.length * 64L * 2);
        }
        long hash = hash(key);
        long bitCount = current.length * 64L;
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32);
        for (int i = 0; i < HASHES; i++) {
            long bit = Integer.toUnsignedLong(h1 + i * h2) % bitCount;
            current[(int) (bit >>> 6)] |= 1L << bit;
        }
        count++;
    }

    private static boolean test(long[] bits, long hash) {
        long bitCount = bits.length * 64L;
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32);
        for (int i = 0; i < HASHES; i++) {
            long bit = Integer.toUnsignedLong(h1 + i * h2) % bitCount;
            if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    private void grow(long bits) {
        current = new long[(int) Math.min(bits / 64, Integer.MAX_VALUE - 8)];
        filters.add(current);
        capacity = current.length * 64L / BITS_PER_KEY;
        count = 0;
    }

    private static long hash(Object key) {
        long h;
        if (key instanceof Long) {
            h = (Long) key;
        } else if (key instanceof Object[]) {
            h = Arrays.deepHashCode((Object[]) key);
        } else if (key instanceof byte[]) {
            h = Arrays.hashCode((byte[]) key);
        } else {
            h = key.hashCode();
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
