/**
 * The source toolkit: optional building blocks for connectors that read HTTP APIs and databases,
 * so that retries, rate limits, pagination, authentication, incremental cursors and SSH tunnels
 * are not written again in every connector. Add {@code dev.sluice:sluice-toolkit} to a connector
 * project to use it; nothing in the SDK depends on it.
 */
package dev.sluice.toolkit;
