/** Internal: the HTTP API (Javalin): routes, API-key checks, JSON bodies and errors. */
package dev.sluice.server.internal.http;
