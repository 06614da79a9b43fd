/**
 * Service interfaces between the SDK and the engine. Not for connector authors.
 */
package dev.sluice.sdk.spi;
