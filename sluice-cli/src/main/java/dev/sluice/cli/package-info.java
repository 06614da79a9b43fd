/**
 * The {@code sluice} command line (picocli): its entry point, error handling and exit codes.
 */
package dev.sluice.cli;
