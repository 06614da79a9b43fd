package dev.sluice.engine.destination;

/**
 * Opens the destination of one sync. A factory may be shared by many syncs and threads (it may pool
 * database instances); each {@link #open} returns a destination that only its sync uses.
 */
@FunctionalInterface
public interface DestinationFactory {

    /**
     * @return the destination, inside an open transaction
     * @throws dev.sluice.sdk.SyncException naming the destination when it cannot be reached, opened or
     *     written
     */
    Destination open();
}
