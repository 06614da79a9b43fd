/**
 * Syncing from any {@code fivetran_sdk.v2.SourceConnector} server with the engine:
 * {@link dev.sluice.protocol.drive.RemoteConnector} is a {@code Connector} backed by the server;
 * {@link dev.sluice.protocol.drive.SelectionFile} leaves tables and columns out.
 */
package dev.sluice.protocol.drive;
