package dev.sluice.cli.bench;

/** What one benchmark pass read: pages, rows and response bytes. Used by one thread at a time. */
final class Tally {

    private long pages;
    private long rows;
    private long bytes;

    void page(long responseBytes) {
        pages++;
        bytes += responseBytes;
    }

    void row() {
        rows++;
    }

    long pages() {
        return pages;
    }

    long rows() {
        return rows;
    }

    long bytes() {
        return bytes;
    }
}
