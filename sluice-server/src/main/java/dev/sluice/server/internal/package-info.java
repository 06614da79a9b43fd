/**
 * Internal to the server: metadata database, secrets, API keys, destinations and the HTTP API.
 * Nothing outside {@code sluice-server} may use these packages; they change without notice.
 */
package dev.sluice.server.internal;
