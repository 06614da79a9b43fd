/**
 * Test doubles for the toolkit's HTTP tests (client, authenticators, paginators): {@link dev.sluice.toolkit.testing.FakeApi}, a real
 * HTTP server on loopback with scripted replies that records what it was sent, and
 * {@link dev.sluice.toolkit.testing.FakeTime}, a clock that moves only when slept on.
 */
package dev.sluice.toolkit.testing;
