/**
 * Building a connector project with Maven when its sources changed, and finding Maven.
 */
package dev.sluice.cli.project;
