/**
 * The Sluice test kit: JUnit 5 helpers for connector authors. {@link dev.sluice.testkit.ConnectorTester}
 * syncs a connector into a temporary local warehouse with the real engine, reads back its tables
 * and state, and checks that the connector resumes from every checkpoint;
 * {@link dev.sluice.testkit.ConnectorContractTest} is the base class that turns those into the
 * standard checks every connector's test inherits.
 */
package dev.sluice.testkit;
