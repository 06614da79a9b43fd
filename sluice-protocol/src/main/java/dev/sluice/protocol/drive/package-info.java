/**
 * Syncing from any {@code fivetran_sdk.v2.SourceConnector} server with the engine:
 * {@link dev.sluice.protocol.drive.RemoteConnector} is a {@code Connector} backed by the server;
 * {@link dev.sluice.protocol.drive.SelectionFile} leaves tables and columns out. Behind the
 * connector, one package-private class per job: the channel to the server, the setup tests, the
 * {@code Schema} call, the {@code Update} request's selection, the stream's decoding (off the
 * engine's thread) and its replay onto the engine's operations.
 */
package dev.sluice.protocol.drive;
