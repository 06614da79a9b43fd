/**
 * Logs in for a session token, renews it when it expires mid-sync, and syncs users incrementally.
 */
package dev.sluice.examples.sessiontoken;
