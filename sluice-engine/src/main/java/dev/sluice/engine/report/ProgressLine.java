package dev.sluice.engine.report;

import dev.sluice.engine.SyncMetrics;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A live progress line for a terminal: rows and rows/s per table, redrawn in place every half
 * second by a daemon thread until closed. Prints nothing when not given a terminal.
 */
public final class ProgressLine implements AutoCloseable {

    private static final long PERIOD_MILLIS = 500;

    private final SyncMetrics metrics;
    private final PrintStream out;
    private final Thread thread;
    private final Map<String, Long> lastRows = new HashMap<>();
    private volatile boolean running = true;
    private int lastWidth;

    private ProgressLine(SyncMetrics metrics, PrintStream out, boolean terminal) {
        this.metrics = metrics;
        this.out = out;
        this.thread = terminal ? new Thread(this::loop, "sluice-progress") : null;
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * @param metrics the running sync's counters
     * @param out the terminal
     * @param terminal whether {@code out} is a terminal; when false nothing is printed
     * @return the running progress line; close it before printing anything else
     */
    public static ProgressLine start(SyncMetrics metrics, PrintStream out, boolean terminal) {
        return new ProgressLine(metrics, out, terminal);
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                draw();
            }
        }
    }

    private synchronized void draw() {
        StringBuilder line = new StringBuilder("  syncing");
        metrics.rowsPerTable().forEach((table, rows) -> {
            long delta = rows - lastRows.getOrDefault(table, 0L);
            lastRows.put(table, rows);
            line.append(String.format(Locale.ROOT, " | %s %,d (%,.0f/s)", table, rows, delta * 1000.0 / PERIOD_MILLIS));
        });
        String text = line.toString();
        int pad = Math.max(0, lastWidth - text.length());
        lastWidth = text.length();
        out.print("\r" + text + " ".repeat(pad));
        out.flush();
    }

    /** Stops the line and clears it. */
    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            if (lastWidth > 0) {
                out.print("\r" + " ".repeat(lastWidth) + "\r");
                out.flush();
            }
        }
    }
}
