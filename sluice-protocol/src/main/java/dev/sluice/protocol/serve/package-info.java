/**
 * Serving a Sluice connector as a {@code fivetran_sdk.v2.SourceConnector} gRPC server:
 * {@link dev.sluice.protocol.serve.ConnectorServer} and its JSON-lines logging
 * ({@link dev.sluice.protocol.serve.JsonLog}, {@link dev.sluice.protocol.serve.JsonLinesOutput}).
 */
package dev.sluice.protocol.serve;
