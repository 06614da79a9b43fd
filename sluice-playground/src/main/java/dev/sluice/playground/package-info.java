/**
 * The API playground: a local mock REST API with deterministic data and the hard patterns of
 * real APIs, for example connectors and their tests.
 */
package dev.sluice.playground;
