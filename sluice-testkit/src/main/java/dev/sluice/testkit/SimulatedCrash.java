package dev.sluice.testkit;

/** The failure the test kit throws from a checkpoint to stop a sync there, as a crash would. */
final class SimulatedCrash extends RuntimeException {

    SimulatedCrash(int checkpoint) {
        super("Sync stopped by the test kit right after checkpoint " + checkpoint + " (a simulated crash)");
    }
}
