/**
 * The Sluice connector API: what a connector author compiles against.
 *
 * <p>A connector implements {@link dev.sluice.sdk.Connector} and is registered in
 * {@code META-INF/services/dev.sluice.sdk.Connector}. The engine calls
 * {@link dev.sluice.sdk.Connector#schema} once, then {@link dev.sluice.sdk.Connector#update} with
 * the {@link dev.sluice.sdk.Configuration} from {@code configuration.json}, the
 * {@link dev.sluice.sdk.State} of the last checkpoint and the {@link dev.sluice.sdk.Operations} to
 * emit rows through. Tables may be declared with {@link dev.sluice.sdk.Table}; undeclared columns
 * are inferred. {@link dev.sluice.sdk.ConfigurationForm} describes the setup form and its
 * connection tests; {@link dev.sluice.sdk.Sluice#debug} runs a local sync from a connector's own
 * {@code main}.
 *
 * <p>This package depends on nothing but slf4j-api at run time and is the stable part of Sluice:
 * the engine, test kit and command line behind it may change.
 */
package dev.sluice.sdk;
