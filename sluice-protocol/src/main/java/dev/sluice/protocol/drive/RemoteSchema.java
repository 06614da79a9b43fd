package dev.sluice.protocol.drive;

import dev.sluice.protocol.values.SchemaMessages;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import fivetran_sdk.v2.SchemaRequest;
import fivetran_sdk.v2.SchemaResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@code Schema}, as the engine sees it: the declared tables less the selection's
 * exclusions (a key column may not be excluded), every schema's tables flattened into one, which
 * requires unique table names. Keeps the last reply for the {@code Update} request's selection.
 * Thread-safe.
 */
final class RemoteSchema {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteConnector.class);

    private final ServerChannel server;
    private final SelectionFile selection;
    private volatile SchemaResponse last;

    RemoteSchema(ServerChannel server, SelectionFile selection) {
        this.server = server;
        this.selection = selection;
    }

    /** As {@link RemoteConnector#schema}. */
    List<Table> fetch(Configuration configuration) {
        SchemaResponse response = server.unary(
                "Schema",
                stub -> stub.schema(SchemaRequest.newBuilder()
                        .putAllConfiguration(configuration.asMap())
                        .build()));
        last = response;
        List<fivetran_sdk.v2.Table> declared = declaredTables(response);
        List<Table> tables = new ArrayList<>();
        for (fivetran_sdk.v2.Table wire : declared) {
            if (!selection.includesTable(wire.getName())) {
                continue;
            }
            for (fivetran_sdk.v2.Column column : wire.getColumnsList()) {
                if (column.getPrimaryKey() && !selection.includesColumn(wire.getName(), column.getName())) {
                    throw new SyncException("The selection excludes column '" + column.getName() + "' of table '"
                            + wire.getName() + "', which is part of its primary key: a key column cannot be left out");
                }
            }
            fivetran_sdk.v2.Table.Builder kept = wire.toBuilder().clearColumns();
            wire.getColumnsList().stream()
                    .filter(c -> selection.includesColumn(wire.getName(), c.getName()))
                    .forEach(kept::addColumns);
            tables.add(SchemaMessages.fromProto(kept.build()));
        }
        warnAboutUnknownExclusions(declared);
        return tables;
    }

    /** @return the last {@code Schema} reply, or null before the first */
    SchemaResponse last() {
        return last;
    }

    /**
     * @param response a {@code Schema} reply, or null
     * @return its tables, those of every schema in order; none for a null reply or one without a schema
     * @throws SyncException when two schemas declare a table of the same name
     */
    static List<fivetran_sdk.v2.Table> declaredTables(SchemaResponse response) {
        if (response == null) {
            return List.of();
        }
        return switch (response.getResponseCase()) {
            case WITHOUT_SCHEMA -> response.getWithoutSchema().getTablesList();
            case WITH_SCHEMA -> flatten(response);
            default -> List.of();
        };
    }

    private static List<fivetran_sdk.v2.Table> flatten(SchemaResponse response) {
        List<fivetran_sdk.v2.Table> tables = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (fivetran_sdk.v2.Schema schema : response.getWithSchema().getSchemasList()) {
            for (fivetran_sdk.v2.Table table : schema.getTablesList()) {
                if (!names.add(table.getName())) {
                    throw new SyncException("Table '" + table.getName() + "' is declared in more than one schema:"
                            + " Sluice's local warehouse has a single schema, so table names must be unique");
                }
                tables.add(table);
            }
        }
        return tables;
    }

    private void warnAboutUnknownExclusions(List<fivetran_sdk.v2.Table> declared) {
        if (declared.isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        declared.forEach(t -> names.add(t.getName()));
        Set<String> unknown = new LinkedHashSet<>(selection.excludedTables());
        unknown.addAll(selection.excludedColumns().keySet());
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
            LOG.warn(
                    "The selection names tables that the server at {} does not declare in Schema: {} (declared: {});"
                            + " they are left out if they appear in the data",
                    server.target(),
                    unknown,
                    names);
        }
    }
}
