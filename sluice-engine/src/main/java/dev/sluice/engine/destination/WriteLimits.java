package dev.sluice.engine.destination;

/**
 * How much a destination lets the engine buffer and leave uncommitted. The engine flushes every
 * table writer once {@code flushRows} operations or about {@code flushBytes} of row values were
 * written since the last flush, and, at such a flush, commits without a checkpoint once
 * {@code commitRows} operations or {@code commitBytes} were written since the last commit.
 *
 * @param flushRows operations between flushes, at least 1
 * @param flushBytes estimated bytes of values between flushes, at least 1
 * @param commitRows operations between commits, at least 1
 * @param commitBytes estimated bytes of values between commits, at least 1
 */
public record WriteLimits(int flushRows, long flushBytes, int commitRows, long commitBytes) {

    /** Checks the limits. */
    public WriteLimits {
        if (flushRows < 1 || flushBytes < 1 || commitRows < 1 || commitBytes < 1) {
            throw new IllegalArgumentException("write limits must be positive: " + this);
        }
    }
}
