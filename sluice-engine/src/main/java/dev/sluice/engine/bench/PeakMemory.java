package dev.sluice.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's peak resident set size (RSS, Linux {@code VmHWM}), which counts the JVM heap and
 * native memory (DuckDB's included), and a way to reset it between phases.
 */
public final class PeakMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakMemory() {}

    /** Resets the peak to the current RSS, where Linux allows it. */
    public static void reset() {
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException | SecurityException ignored) {
            // not on Linux or not allowed: the peak then covers the whole process
        }
    }

    /** @return peak RSS in bytes since start or the last reset, or -1 where unknown */
    public static long peakBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // fall through
        }
        return -1;
    }
}
