package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.sdk.SyncException;
import java.util.StringJoiner;

/**
 * The DDL of one PostgreSQL table: creating it, adding and widening columns, its deferred primary
 * key, and the comments that record what the catalog cannot say ({@link SluiceComment}). Not
 * thread-safe.
 */
final class PostgresTableDdl {

    private final PostgresDatabase database;
    private final PostgresCatalog catalog;
    private final PostgresBookkeeping bookkeeping;
    private final TableModel table;
    private final String schema;
    private final String target;

    PostgresTableDdl(
            PostgresDatabase database,
            PostgresCatalog catalog,
            PostgresBookkeeping bookkeeping,
            String schema,
            TableModel table) {
        this.database = database;
        this.catalog = catalog;
        this.bookkeeping = bookkeeping;
        this.schema = schema;
        this.table = table;
        this.target = PostgresSql.qualified(schema, table.name());
    }

    /** @return the table's quoted, schema-qualified name */
    String target() {
        return target;
    }

    /**
     * Creates the table without its primary key, which is recorded to be added when the sync ends.
     *
     * @throws SyncException when the schema holds a table of that name that Sluice did not create
     */
    void create() {
        if (catalog.foreign(table.name())) {
            throw new SyncException("Table " + schema + "." + PostgresNames.physical(table.name()) + " in "
                    + database.config().describe() + " was not created by Sluice: it lacks the columns "
                    + TableModel.SYNCED + " and " + TableModel.DELETED + ". Drop or rename it, or sync into another"
                    + " schema (\"schema\" in the destination file)");
        }
        StringJoiner columns = new StringJoiner(", ");
        for (ColumnModel column : table.columns()) {
            columns.add(PostgresSql.quote(column.name()) + " " + PostgresTypes.sqlType(column.type())
                    + (table.isKey(column) ? " NOT NULL" : ""));
        }
        columns.add(PostgresSql.quote(TableModel.SYNCED) + " timestamptz NOT NULL");
        columns.add(PostgresSql.quote(TableModel.DELETED) + " boolean NOT NULL DEFAULT false");
        database.execute("CREATE TABLE " + target + " (" + columns + ")");
        String comment = SluiceComment.render(table.name(), null);
        if (comment != null) {
            database.execute("COMMENT ON TABLE " + target + " IS " + PostgresSql.literal(comment));
        }
        table.columns().forEach(column -> comment(column, false));
        bookkeeping.deferKey(table);
        table.markKeyPending();
        table.markCreated();
    }

    /** @param column the new column, in the model already */
    void addColumn(ColumnModel column) {
        database.execute("ALTER TABLE " + target + " ADD COLUMN " + PostgresSql.quote(column.name()) + " "
                + PostgresTypes.sqlType(column.type()));
        comment(column, false);
    }

    /** @param column the widened column, whose model holds the new type */
    void changeType(ColumnModel column) {
        String name = PostgresSql.quote(column.name());
        String type = PostgresTypes.sqlType(column.type());
        database.execute(
                "ALTER TABLE " + target + " ALTER COLUMN " + name + " TYPE " + type + " USING " + name + "::" + type);
        comment(column, true);
    }

    /** Adds the primary key recorded by {@link #create()}, in the open transaction. */
    void addDeferredPrimaryKey() {
        StringJoiner columns = new StringJoiner(", ");
        table.keyNames().forEach(key -> columns.add(PostgresSql.quote(key)));
        database.execute("ALTER TABLE " + target + " ADD PRIMARY KEY (" + columns + ")");
        bookkeeping.keyAdded(table);
        table.markKeyAdded();
    }

    private void comment(ColumnModel column, boolean replace) {
        String comment = SluiceComment.render(column.name(), column.type().type());
        if (comment != null || replace) {
            database.execute("COMMENT ON COLUMN " + target + "." + PostgresSql.quote(column.name()) + " IS "
                    + (comment == null ? "NULL" : PostgresSql.literal(comment)));
        }
    }
}
