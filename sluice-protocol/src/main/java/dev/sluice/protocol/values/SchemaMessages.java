package dev.sluice.protocol.values;

import dev.sluice.sdk.Column;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import fivetran_sdk.v2.DataTypeParams;
import fivetran_sdk.v2.DecimalParams;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Converts table declarations between Sluice's {@link Table} and the protocol's
 * {@link fivetran_sdk.v2.Table}. Primary-key columns come first, in key order; a key column whose
 * type is not declared travels as {@code UNSPECIFIED}. Stateless and thread-safe.
 */
public final class SchemaMessages {

    private SchemaMessages() {}

    /**
     * @param table a declared table
     * @return its wire form
     */
    public static fivetran_sdk.v2.Table toProto(Table table) {
        fivetran_sdk.v2.Table.Builder out = fivetran_sdk.v2.Table.newBuilder().setName(table.name());
        Set<String> names = new LinkedHashSet<>(table.primaryKey());
        table.columns().forEach(column -> names.add(column.name()));
        for (String name : names) {
            Column declared = table.column(name);
            fivetran_sdk.v2.Column.Builder column = fivetran_sdk.v2.Column.newBuilder()
                    .setName(name)
                    .setPrimaryKey(table.primaryKey().contains(name))
                    .setType(declared == null ? fivetran_sdk.v2.DataType.UNSPECIFIED : toProto(declared.type()));
            if (declared != null && declared.type() == DataType.DECIMAL) {
                column.setParams(DataTypeParams.newBuilder()
                        .setDecimal(DecimalParams.newBuilder()
                                .setPrecision(declared.precision())
                                .setScale(declared.scale())));
            }
            out.addColumns(column);
        }
        return out.build();
    }

    /**
     * @param type a Sluice type
     * @return the protocol's type of the same name
     */
    public static fivetran_sdk.v2.DataType toProto(DataType type) {
        return fivetran_sdk.v2.DataType.valueOf(type.name());
    }

    /**
     * Reads a table a server declared. Columns of type {@code UNSPECIFIED}, and DECIMAL columns
     * without precision and scale, are left to inference.
     *
     * @param table the wire form
     * @return the declaration
     * @throws SyncException naming the table and column for a type sources may not use or that
     *     this protocol version does not know
     */
    public static Table fromProto(fivetran_sdk.v2.Table table) {
        if (table.getName().isBlank()) {
            throw new SyncException("The connector declared a table with an empty name: give every table a name");
        }
        Table.Builder out = Table.named(table.getName());
        List<String> keys = new ArrayList<>();
        for (fivetran_sdk.v2.Column column : table.getColumnsList()) {
            if (column.getPrimaryKey()) {
                keys.add(column.getName());
            }
            DataType type = fromProto(table.getName(), column);
            if (type == null) {
                continue;
            }
            if (type == DataType.DECIMAL) {
                if (column.hasParams() && column.getParams().hasDecimal()) {
                    DecimalParams params = column.getParams().getDecimal();
                    out.decimalColumn(column.getName(), params.getPrecision(), params.getScale());
                }
            } else {
                out.column(column.getName(), type);
            }
        }
        if (!keys.isEmpty()) {
            out.primaryKey(keys.toArray(String[]::new));
        }
        try {
            return out.build();
        } catch (IllegalArgumentException e) {
            throw new SyncException(
                    "The connector declared table '" + table.getName() + "' wrongly: " + e.getMessage(), e);
        }
    }

    /**
     * @param table the table, for messages
     * @param wire a declared column
     * @return its Sluice type, or null for UNSPECIFIED
     * @throws SyncException for NAIVE_TIME and for types this protocol version does not know
     */
    public static DataType fromProto(String table, fivetran_sdk.v2.Column wire) {
        String column = wire.getName();
        return switch (wire.getType()) {
            case UNSPECIFIED -> null;
            case NAIVE_TIME ->
                throw new SyncException("Table '" + table + "', column '" + column
                        + "' has type NAIVE_TIME, which source connectors may not use (fivetran_sdk.v2):"
                        + " declare it as STRING");
            case UNRECOGNIZED ->
                throw new SyncException("Table '" + table + "', column '" + column
                        + "' has an unknown column type (DataType value " + wire.getTypeValue() + ")"
                        + ": use one of " + List.of(DataType.values()));
            default -> DataType.valueOf(wire.getType().name());
        };
    }
}
