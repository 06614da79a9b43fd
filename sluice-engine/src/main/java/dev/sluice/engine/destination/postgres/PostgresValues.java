package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.schema.TableModel;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.SyncException;

/** Encodes one row's canonical values for COPY, naming the table and column of a value PostgreSQL cannot store. */
final class PostgresValues {

    private PostgresValues() {}

    /**
     * @param rows where the row goes
     * @param table the row's table
     * @param types the column types by position
     * @param values the canonical values by position; missing trailing positions are NULL
     * @throws SyncException naming the table and column of a value PostgreSQL cannot store
     */
    static void addRow(CopyRows rows, TableModel table, DataType[] types, Object[] values) {
        for (int i = 0; i < types.length; i++) {
            try {
                rows.add(types[i], i < values.length ? values[i] : null);
            } catch (CopyRows.UnstorableValueException e) {
                throw new SyncException("Table '" + table.name() + "', column '"
                        + table.columns().get(i).name() + "': " + e.getMessage()
                        + "; remove it in the connector before the row is emitted");
            }
        }
    }
}
