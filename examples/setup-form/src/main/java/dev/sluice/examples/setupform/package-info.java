/**
 * A setup form (text, password, dropdown, toggle) with a named connection test, then an API-key sync.
 */
package dev.sluice.examples.setupform;
