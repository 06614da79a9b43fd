/**
 * Syncs a PostgreSQL database reachable only through an SSH bastion (key or password login, host key checked against a known-host line).
 */
package dev.sluice.examples.postgres.tunnel;
