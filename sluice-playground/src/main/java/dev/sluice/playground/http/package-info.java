/**
 * The playground's HTTP routes on Javalin. Internal: use {@link dev.sluice.playground.Playground}.
 */
package dev.sluice.playground.http;
