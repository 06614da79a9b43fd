/**
 * Companies and their departments: a cursor per parent so that only changed children are re-read.
 */
package dev.sluice.examples.parentchild;
