/**
 * How Java values map to Fivetran's types, shared by the engine and the gRPC protocol: type
 * inference, widening, and conversion to each column type's canonical value.
 */
package dev.sluice.engine.values;
