/**
 * Incremental reads of database tables and queries over plain JDBC, for connectors whose source
 * is a database.
 *
 * <ul>
 *   <li>{@link dev.sluice.toolkit.jdbc.JdbcConnections} opens a connection and turns the
 *       driver's failures into messages naming the server, database and user (never the
 *       password).</li>
 *   <li>{@link dev.sluice.toolkit.jdbc.IncrementalJdbcReader} reads a table or query in the
 *       order of a cursor column and key columns (keyset reads, no OFFSET), streaming from the
 *       server, and checkpoints its {@link dev.sluice.toolkit.jdbc.Position} after each batch.</li>
 *   <li>{@link dev.sluice.toolkit.jdbc.JdbcTypeMapping} maps JDBC column types to Sluice
 *       {@link dev.sluice.sdk.DataType}s and reads values as the Java types the engine takes.</li>
 * </ul>
 *
 * Works with any JDBC driver; the connector brings its driver (for example
 * {@code org.postgresql:postgresql}).
 */
package dev.sluice.toolkit.jdbc;
