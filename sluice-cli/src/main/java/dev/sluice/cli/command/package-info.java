/**
 * One class per {@code sluice} sub-command.
 */
package dev.sluice.cli.command;
