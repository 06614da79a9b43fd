package dev.sluice.toolkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One reader's source resolved against a database: its columns, the cursor and key columns
 * with their kinds, and the SQL of a keyset read. Built per read (the table may have changed).
 */
final class ReadPlan {

    private final String description;
    private final String server;
    private final String from;
    private final SqlDialect dialect;
    private final List<JdbcColumn> columns;
    private final JdbcColumn cursor;
    private final List<JdbcColumn> keys;
    private final JdbcTypeMapping.Kind cursorKind;
    private final List<JdbcTypeMapping.Kind> keyKinds;

    private ReadPlan(
            String description,
            String server,
            String from,
            SqlDialect dialect,
            List<JdbcColumn> columns,
            JdbcColumn cursor,
            List<JdbcColumn> keys) {
        this.description = description;
        this.server = server;
        this.from = from;
        this.dialect = dialect;
        this.columns = columns;
        this.cursor = cursor;
        this.keys = keys;
        this.cursorKind = JdbcTypeMapping.kindOf(cursor);
        this.keyKinds = keys.stream().map(JdbcTypeMapping::kindOf).collect(Collectors.toList());
    }

    static ReadPlan create(Connection connection, JdbcSource source, String cursorColumn, List<String> keyColumns) {
        String description = source.toString();
        try {
            SqlDialect dialect = SqlDialect.of(connection.getMetaData());
            SourceResolver.Resolved resolved = SourceResolver.resolve(connection, dialect, source);
            description = resolved.description();
            List<JdbcColumn> columns = describeColumns(connection, resolved);
            JdbcColumn cursor = find(columns, cursorColumn, "cursor column", description);
            List<String> keyNames = keyColumns.isEmpty() ? resolved.primaryKey() : keyColumns;
            if (keyNames.isEmpty()) {
                throw new JdbcException(capitalized(description) + " has no primary key: give the reader its key"
                        + " columns with keyColumns(...), the columns that identify a row");
            }
            List<JdbcColumn> keys = new ArrayList<>();
            for (String key : keyNames) {
                keys.add(find(columns, key, "key column", description));
            }
            String server = JdbcConnections.describe(connection.getMetaData().getURL());
            ReadPlan plan = new ReadPlan(description, server, resolved.from(), dialect, columns, cursor, keys);
            plan.checkKinds();
            return plan;
        } catch (SQLException e) {
            throw new JdbcException(
                    "Cannot read the columns of " + description + ": " + e.getMessage() + " (SQL state "
                            + e.getSQLState() + ")",
                    e);
        }
    }

    private static List<JdbcColumn> describeColumns(Connection connection, SourceResolver.Resolved resolved)
            throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT * FROM " + resolved.from() + " WHERE 1 = 0");
                ResultSet rs = statement.executeQuery()) {
            return JdbcColumn.of(rs.getMetaData());
        }
    }

    private static JdbcColumn find(List<JdbcColumn> columns, String name, String role, String description) {
        for (JdbcColumn column : columns) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        List<JdbcColumn> ignoringCase = columns.stream()
                .filter(column -> column.name().equalsIgnoreCase(name))
                .collect(Collectors.toList());
        if (ignoringCase.size() == 1) {
            return ignoringCase.get(0);
        }
        throw new JdbcException("Column '" + name + "' (the " + role + ") not found in " + description
                + ": its columns are " + columns.stream().map(JdbcColumn::name).collect(Collectors.joining(", ")));
    }

    private void checkKinds() {
        if (!cursorKind.cursorCapable) {
            throw new JdbcException("Column '" + cursor.name() + "' of " + description + " is of type "
                    + cursor.typeName() + ", which cannot be a cursor: choose a number, date or timestamp column"
                    + " that grows whenever a row changes (such as updated_at kept by a trigger, or a value"
                    + " from a sequence), or read a query that computes one");
        }
        for (int i = 0; i < keys.size(); i++) {
            if (!keyKinds.get(i).keyCapable()) {
                throw new JdbcException("Column '" + keys.get(i).name() + "' of " + description + " is of type "
                        + keys.get(i).typeName() + ", which cannot order rows as a key column: use the primary key"
                        + " or other columns that identify a row (numbers, text, dates, uuids)");
            }
        }
    }

    String selectSql(boolean after) {
        String cursorSql = dialect.quote(cursor.name());
        List<String> order = new ArrayList<>();
        order.add(cursorSql);
        keys.forEach(key -> order.add(dialect.quote(key.name())));
        return "SELECT * FROM " + from + " WHERE " + cursorSql + " IS NOT NULL"
                + (after ? " AND " + dialect.after(order) : "")
                + " ORDER BY " + String.join(", ", order);
    }

    String nullCursorSql() {
        return "SELECT " + keys.stream().map(key -> dialect.quote(key.name())).collect(Collectors.joining(", "))
                + " FROM " + from + " WHERE " + dialect.quote(cursor.name()) + " IS NULL";
    }

    void bind(PreparedStatement statement, Position position) throws SQLException {
        List<Object> values = new ArrayList<>();
        List<JdbcTypeMapping.Kind> kinds = new ArrayList<>();
        values.add(position.cursor());
        kinds.add(cursorKind);
        for (int i = 0; i < keys.size(); i++) {
            values.add(position.key().get(keys.get(i).name()));
            kinds.add(keyKinds.get(i));
        }
        int parameter = 1;
        for (int i = 0; i < values.size(); i++) {
            Object value = PositionCodec.toParameter(kinds.get(i), values.get(i));
            for (int b = 0; b < dialect.bindingsPerColumn(i, values.size()); b++) {
                statement.setObject(parameter++, value);
            }
        }
    }

    void checkKey(Map<String, Object> row) {
        for (JdbcColumn key : keys) {
            if (row.get(key.name()) == null) {
                throw new JdbcException("Key column '" + key.name() + "' of " + description + " is NULL in a row"
                        + " (cursor " + row.get(cursor.name()) + "): key columns must identify a row; choose columns"
                        + " that are never NULL, such as the primary key");
            }
        }
    }

    Position positionOf(Map<String, Object> row) {
        Map<String, Object> key = new LinkedHashMap<>();
        keys.forEach(column -> key.put(column.name(), row.get(column.name())));
        return new Position(row.get(cursor.name()), key);
    }

    String description() {
        return description;
    }

    /** @return the database's JDBC URL without parameters, for messages */
    String server() {
        return server;
    }

    List<JdbcColumn> columns() {
        return columns;
    }

    String cursorName() {
        return cursor.name();
    }

    boolean cursorNullable() {
        return cursor.nullable();
    }

    JdbcTypeMapping.Kind cursorKind() {
        return cursorKind;
    }

    List<String> keyNames() {
        return keys.stream().map(JdbcColumn::name).collect(Collectors.toList());
    }

    List<JdbcTypeMapping.Kind> keyKinds() {
        return keyKinds;
    }

    private static String capitalized(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
