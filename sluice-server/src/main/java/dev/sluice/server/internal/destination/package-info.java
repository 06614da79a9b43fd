/** Internal: the server's destinations, their stored form and the built-in {@code warehouse}. */
package dev.sluice.server.internal.destination;
