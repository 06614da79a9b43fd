/**
 * Text output of the commands: tables and the overview of what landed.
 */
package dev.sluice.cli.output;
