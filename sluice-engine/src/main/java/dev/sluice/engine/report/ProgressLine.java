package dev.sluice.engine.report;

import dev.sluice.engine.SyncMetrics;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A live progress line for a terminal: rows and rows/s per table, redrawn in place every half
 * second by a daemon thread until closed. While it runs, {@code System.out} is wrapped so that any
 * other output (log lines) first erases the progress line, which is then drawn again below it.
 * Prints nothing, and wraps nothing, when not given a terminal.
 */
public final class ProgressLine implements AutoCloseable {

    private static final long PERIOD_MILLIS = 500;

    private final SyncMetrics metrics;
    private final PrintStream terminal;
    private final PrintStream previousOut;
    private final Thread thread;
    private final Map<String, Long> lastRows = new HashMap<>();
    private volatile boolean running = true;
    private int drawnWidth;

    private ProgressLine(SyncMetrics metrics, PrintStream out, boolean isTerminal) {
        this.metrics = metrics;
        this.terminal = out;
        this.previousOut = System.out;
        if (isTerminal) {
            System.setOut(new PrintStream(new ErasingStream(), true));
            thread = new Thread(this::loop, "sluice-progress");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    /**
     * @param metrics the running sync's counters
     * @param out the terminal
     * @param terminal whether {@code out} is a terminal; when false nothing is printed
     * @return the running progress line; close it before printing the summary
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
        erase();
        terminal.print(line);
        terminal.flush();
        drawnWidth = line.length();
    }

    private void erase() {
        if (drawnWidth > 0) {
            terminal.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
    }

    /** Stops the line, erases it and restores {@code System.out}. */
    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            erase();
            terminal.flush();
            System.setOut(previousOut);
        }
    }

    /** Output of others: erase the progress line first; it is redrawn on the next tick. */
    private final class ErasingStream extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (ProgressLine.this) {
                erase();
                terminal.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            terminal.flush();
        }
    }
}
