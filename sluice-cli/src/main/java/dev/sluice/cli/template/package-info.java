/**
 * {@code sluice init}: the bundled templates and the project generator.
 */
package dev.sluice.cli.template;
