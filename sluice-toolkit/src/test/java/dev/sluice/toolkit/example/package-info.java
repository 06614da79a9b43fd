/**
 * The README's example connector ({@link dev.sluice.toolkit.example.OrdersConnector}) and the
 * integration tests that sync it, and bad input, against a fake API end to end.
 */
package dev.sluice.toolkit.example;
