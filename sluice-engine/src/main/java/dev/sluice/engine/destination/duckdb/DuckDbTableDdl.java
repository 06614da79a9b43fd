package dev.sluice.engine.destination.duckdb;

import dev.sluice.engine.destination.Sql;
import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.TableModel;
import java.util.List;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DDL of one DuckDB table: creating it, adding and widening columns, its deferred primary key.
 * DuckDB cannot commit an {@code ALTER TABLE} that follows an UPDATE or DELETE of the same table in
 * one transaction, so such a change rebuilds the table instead. Not thread-safe.
 */
final class DuckDbTableDdl {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbTableDdl.class);

    private final DuckDbDatabase database;
    private final DuckDbCatalog catalog;
    private final DuckDbBookkeeping bookkeeping;
    private final TableModel table;
    private final String schema;
    private final String target;

    DuckDbTableDdl(
            DuckDbDatabase database,
            DuckDbCatalog catalog,
            DuckDbBookkeeping bookkeeping,
            String schema,
            TableModel table) {
        this.database = database;
        this.catalog = catalog;
        this.bookkeeping = bookkeeping;
        this.schema = schema;
        this.table = table;
        this.target = qualified(schema, table.name());
    }

    static String qualified(String schema, String table) {
        return Sql.quote(schema) + "." + Sql.quote(table);
    }

    /** @return the table's quoted, schema-qualified name */
    String target() {
        return target;
    }

    /** Creates the table without its primary key, which is recorded to be added when the sync ends. */
    void create() {
        database.execute("CREATE TABLE " + target + " (" + columnDefinitions(false) + ")");
        bookkeeping.deferKey(table);
        table.markKeyPending();
        table.columns().forEach(this::comment);
        table.markCreated();
    }

    /**
     * @param column the new column, in the model already
     * @param rebuild whether the table changed in the open transaction, so that it must be rebuilt
     */
    void addColumn(ColumnModel column, boolean rebuild) {
        if (rebuild) {
            rebuild();
            return;
        }
        database.execute("ALTER TABLE " + target + " ADD COLUMN " + Sql.quote(column.name()) + " "
                + DuckDbTypes.sqlType(column.type()));
        comment(column);
    }

    /**
     * @param column the widened column, whose model holds the new type
     * @param rebuild whether the table changed in the open transaction, so that it must be rebuilt
     */
    void changeType(ColumnModel column, boolean rebuild) {
        if (rebuild) {
            rebuild();
            return;
        }
        database.execute("ALTER TABLE " + target + " ALTER COLUMN " + Sql.quote(column.name()) + " TYPE "
                + DuckDbTypes.sqlType(column.type()));
        comment(column);
    }

    /** Adds the primary key recorded by {@link #create()}, in the open transaction. */
    void addDeferredPrimaryKey() {
        StringJoiner columns = new StringJoiner(", ");
        table.keyNames().forEach(key -> columns.add(Sql.quote(key)));
        database.execute("ALTER TABLE " + target + " ADD PRIMARY KEY (" + columns + ")");
        bookkeeping.keyAdded(table);
        table.markKeyAdded();
    }

    /** Applies the model's columns by copying the table into a new one. */
    private void rebuild() {
        List<String> existing = catalog.columnNames(table.name());
        String rebuilt = table.name() + "__sluice_rebuild";
        String rebuiltTarget = qualified(schema, rebuilt);
        StringJoiner select = new StringJoiner(", ");
        for (ColumnModel column : table.columns()) {
            String type = DuckDbTypes.sqlType(column.type());
            select.add(
                    existing.contains(column.name())
                            ? "CAST(" + Sql.quote(column.name()) + " AS " + type + ")"
                            : "CAST(NULL AS " + type + ")");
        }
        select.add(Sql.quote(TableModel.SYNCED)).add(Sql.quote(TableModel.DELETED));
        database.execute("CREATE TABLE " + rebuiltTarget + " (" + columnDefinitions(!table.keyPending()) + ")");
        database.execute("INSERT INTO " + rebuiltTarget + " SELECT " + select + " FROM " + target);
        database.execute("DROP TABLE " + target);
        database.execute("ALTER TABLE " + rebuiltTarget + " RENAME TO " + Sql.quote(table.name()));
        table.columns().forEach(this::comment);
        LOG.info("table {} rebuilt for a schema change after updates in the same checkpoint interval", table.name());
    }

    private String columnDefinitions(boolean withKey) {
        StringJoiner columns = new StringJoiner(", ");
        for (ColumnModel column : table.columns()) {
            columns.add(Sql.quote(column.name()) + " " + DuckDbTypes.sqlType(column.type())
                    + (table.isKey(column) ? " NOT NULL" : ""));
        }
        columns.add(Sql.quote(TableModel.SYNCED) + " TIMESTAMPTZ NOT NULL");
        columns.add(Sql.quote(TableModel.DELETED) + " BOOLEAN NOT NULL DEFAULT false");
        if (withKey) {
            StringJoiner key = new StringJoiner(", ", "PRIMARY KEY (", ")");
            table.keyNames().forEach(k -> key.add(Sql.quote(k)));
            columns.add(key.toString());
        }
        return columns.toString();
    }

    private void comment(ColumnModel column) {
        String comment = DuckDbTypes.comment(column.type());
        database.execute("COMMENT ON COLUMN " + target + "." + Sql.quote(column.name()) + " IS "
                + (comment == null ? "NULL" : Sql.literal(comment)));
    }
}
