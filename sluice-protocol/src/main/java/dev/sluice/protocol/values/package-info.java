/**
 * How Sluice's values and table declarations travel as {@code fivetran_sdk.v2} messages, in both
 * directions.
 */
package dev.sluice.protocol.values;
