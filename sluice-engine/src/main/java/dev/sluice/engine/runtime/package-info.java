/**
 * Running syncs, shared by the CLI, the test kit and a server: {@link
 * dev.sluice.engine.runtime.SyncRuntime} starts each sync on its own thread with a handle to cancel or
 * await it, a deadline and a sync id in the log context; loading a connector project in its own class
 * loader; the engine behind {@code Sluice.debug}.
 */
package dev.sluice.engine.runtime;
