/**
 * Fivetran's connector protocol ({@code fivetran_sdk.v2}) for Sluice: serve a connector as a
 * {@code SourceConnector} gRPC server, and sync from any such server with the engine's semantics.
 */
package dev.sluice.protocol;
