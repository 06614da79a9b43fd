/**
 * The destination-table model the engine and destinations share (SPI): tables, their columns,
 * types and keys, the synthetic key of keyless tables, and compact sets of written keys.
 */
package dev.sluice.engine.schema;
