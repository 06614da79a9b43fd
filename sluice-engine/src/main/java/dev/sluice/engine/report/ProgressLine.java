package dev.sluice.engine.report;

import dev.sluice.engine.SyncListener;
import dev.sluice.engine.SyncMetrics;
import dev.sluice.engine.SyncResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A live progress line on a terminal, drawn from a sync's progress reports: rows and rows/s per
 * table, redrawn in place. So that other output to the terminal (log lines on {@code System.out})
 * does not run into it, it routes {@code System.out} through itself while open: such output first
 * erases the line, which the next report draws again below it. Prints nothing, and routes nothing,
 * when not given a terminal. Thread-safe.
 */
public final class ProgressLine implements SyncListener, AutoCloseable {

    private final PrintStream terminal;
    private final PrintStream previousOut;
    private final boolean active;
    private final Map<String, Long> lastRows = new HashMap<>();
    private long lastNanos = System.nanoTime();
    private int drawnWidth;
    private boolean closed;

    private ProgressLine(PrintStream out, boolean isTerminal) {
        this.terminal = out;
        this.previousOut = System.out;
        this.active = isTerminal;
        if (isTerminal) {
            System.setOut(new PrintStream(new ErasingStream(), true));
        }
    }

    /**
     * @param out the terminal
     * @param terminal whether {@code out} is a terminal; when false nothing is printed
     * @return the progress line; give it to the sync as its listener, close it before printing the summary
     */
    public static ProgressLine open(PrintStream out, boolean terminal) {
        return new ProgressLine(out, terminal);
    }

    @Override
    public synchronized void progress(SyncMetrics metrics) {
        if (!active || closed) {
            return;
        }
        long now = System.nanoTime();
        double seconds = Math.max(now - lastNanos, 1) / 1e9;
        lastNanos = now;
        StringBuilder line = new StringBuilder("  syncing");
        metrics.rowsPerTable().forEach((table, rows) -> {
            long delta = rows - lastRows.getOrDefault(table, 0L);
            lastRows.put(table, rows);
            line.append(String.format(Locale.ROOT, " | %s %,d (%,.0f/s)", table, rows, delta / seconds));
        });
        erase();
        terminal.print(line);
        terminal.flush();
        drawnWidth = line.length();
    }

    @Override
    public void finished(SyncResult result) {
        close();
    }

    private void erase() {
        if (drawnWidth > 0) {
            terminal.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
    }

    /** Erases the line and gives {@code System.out} back. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (active) {
            erase();
            terminal.flush();
            System.setOut(previousOut);
        }
    }

    /** Output of others: erase the progress line first; the next report draws it again. */
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
