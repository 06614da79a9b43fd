/**
 * The playground's data: deterministic users, companies, departments and deletions, and the
 * change steps that move them forward.
 */
package dev.sluice.playground.data;
