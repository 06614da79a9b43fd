/** Internal: the metadata database (H2 file or PostgreSQL), its pool and its Flyway migrations. */
package dev.sluice.server.internal.db;
