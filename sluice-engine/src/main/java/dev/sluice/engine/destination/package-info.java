/**
 * The destination SPI: what a place the engine writes to must do ({@link
 * dev.sluice.engine.destination.Destination}, {@link dev.sluice.engine.destination.TableWriter}) and
 * what it guarantees about flushes, commits and checkpoints.
 */
package dev.sluice.engine.destination;
