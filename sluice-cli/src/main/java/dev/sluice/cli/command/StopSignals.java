package dev.sluice.cli.command;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT (Ctrl-C) so that a long-running command can stop in order and exit
 * with 0. Where the JVM cannot handle those signals, waits for the JVM's shutdown instead.
 */
final class StopSignals {

    private final CountDownLatch stop = new CountDownLatch(1);

    /** Handles the signals from now on. */
    StopSignals() {
        try {
            Signal.handle(new Signal("TERM"), signal -> stop.countDown());
            Signal.handle(new Signal("INT"), signal -> stop.countDown());
        } catch (IllegalArgumentException e) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "sluice-stop"));
        }
    }

    /** Blocks until a stop signal arrives or the thread is interrupted. */
    void await() {
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
