/**
 * The HTTP benchmark of {@code sluice bench-http}: a paginated sync of the playground by a bare loop and
 * by the toolkit.
 */
package dev.sluice.cli.bench;
