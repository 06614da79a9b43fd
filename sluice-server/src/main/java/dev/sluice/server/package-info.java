/**
 * The Sluice server: the self-hosted platform behind {@code sluice server}. Start one with
 * {@link dev.sluice.server.SluiceServer#start(ServerOptions)}. Everything under
 * {@code dev.sluice.server.internal} is internal and may change without notice.
 */
package dev.sluice.server;
