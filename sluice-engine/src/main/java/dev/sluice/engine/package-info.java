/**
 * The local sync engine: {@link dev.sluice.engine.LocalSync} runs one sync of a connector into the
 * project's DuckDB warehouse ({@code files/warehouse.db}, schema {@code tester}) with the
 * semantics of Fivetran's connector SDK, saving state at each checkpoint together with its data.
 * Sub-packages: {@code core} (the Operations a connector writes to, schema decisions, the writer
 * thread), {@code duckdb} (tables, appenders and set-based merges), {@code schema} (types, naming,
 * value conversion), {@code input} (configuration and state files), {@code warehouse} (reading a
 * warehouse back), {@code report} (summary and progress line), {@code bench} (the benchmark).
 */
package dev.sluice.engine;
