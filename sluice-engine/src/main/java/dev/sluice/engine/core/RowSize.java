package dev.sluice.engine.core;

/** A cheap estimate of the heap a converted row's values take, to bound what waits in memory. */
final class RowSize {

    private static final int REFERENCE = 8;
    private static final int OBJECT = 16;

    private RowSize() {}

    /**
     * @param values a converted row (Strings, JSON as Strings, byte arrays, boxed numbers and times)
     * @return roughly the bytes the values take on the heap
     */
    static long estimate(Object[] values) {
        long bytes = OBJECT + (long) REFERENCE * values.length;
        for (Object value : values) {
            if (value instanceof String text) {
                bytes += OBJECT + text.length();
            } else if (value instanceof byte[] data) {
                bytes += OBJECT + data.length;
            } else if (value != null) {
                bytes += OBJECT;
            }
        }
        return bytes;
    }
}
