/**
 * Destination names: Fivetran naming (snake_case) or source naming, and the system columns Sluice
 * writes into every table.
 */
package dev.sluice.engine.naming;
