/**
 * The smallest connector: one class that writes rows, with a test.
 */
package dev.sluice.examples.hello;
