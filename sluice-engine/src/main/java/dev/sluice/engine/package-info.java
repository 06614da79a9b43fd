/**
 * The sync engine's public API: what a sync is given ({@link dev.sluice.engine.SyncOptions}, the
 * project's {@link dev.sluice.engine.ProjectLayout}) and what it reports
 * ({@link dev.sluice.engine.SyncResult}, {@link dev.sluice.engine.SyncMetrics},
 * {@link dev.sluice.engine.SyncListener}, {@link dev.sluice.engine.CheckpointObserver}). Syncs are
 * run by {@link dev.sluice.engine.runtime.SyncRuntime}.
 *
 * <p>Packages other modules may use: this one, {@code runtime}, {@code naming}, {@code values},
 * {@code state}, {@code config}, {@code report}, {@code warehouse} and {@code bench}. The destination
 * SPI ({@code destination}, with the table model in {@code schema}) is for destination
 * implementations; {@code core} and {@code destination.duckdb} are internal. Tests enforce both rules
 * and that no two packages depend on each other.
 */
package dev.sluice.engine;
