/**
 * What a person sees of a sync: the Fivetran-style summary and the live progress line.
 */
package dev.sluice.engine.report;
