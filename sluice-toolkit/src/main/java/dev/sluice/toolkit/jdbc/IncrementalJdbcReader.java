package dev.sluice.toolkit.jdbc;

import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a table or query incrementally: the rows whose (cursor, key...) comes after the last
 * position read, in that order, as a keyset read
 * ({@code WHERE (cursor, key) > (?, ?) ORDER BY cursor, key}; no OFFSET). The cursor is a
 * column that grows whenever a row changes (an {@code updated_at} timestamp kept by the
 * application or a trigger, or a number from a sequence); the key columns (by default the
 * table's primary key) order rows with the same cursor value, so a batch may end between them.
 *
 * <pre>{@code
 * IncrementalJdbcReader orders = IncrementalJdbcReader.of(JdbcSource.table("public.orders"))
 *         .cursorColumn("updated_at")
 *         .build();
 * try (Connection connection = JdbcConnections.open(url, user, password)) {
 *     orders.sync(connection, state, operations);  // upserts, checkpoints every batch
 * }
 * }</pre>
 *
 * <p><b>Streaming:</b> each read is one query in a transaction of its own (auto-commit is off
 * while it runs, as PostgreSQL's driver needs to stream; the reader commits it at the end, rolls
 * it back on failure, and restores auto-commit, so pass a connection with no transaction of yours
 * open) with a fetch size, so only
 * {@code fetchSize} rows are held at a time, however many the query returns. MySQL's driver
 * streams only with {@code useCursorFetch=true} in the URL.
 *
 * <p><b>What it cannot see:</b> deleted rows, and rows whose cursor is set to a value lower
 * than one already read (for example a transaction that commits long after it set
 * {@code updated_at = now()}). Rows whose cursor is NULL are never read: by default the reader
 * fails when there are any (see {@link Builder#skipNullCursors()}).
 *
 * <p>Immutable and thread-safe; a read uses the caller's connection and must not share it
 * with another thread while it runs.
 */
public final class IncrementalJdbcReader {

    private static final Logger LOG = LoggerFactory.getLogger(IncrementalJdbcReader.class);

    private final JdbcSource source;
    private final String cursorColumn;
    private final List<String> keyColumns;
    private final String destinationTable;
    private final String stateKey;
    private final int batchSize;
    private final int fetchSize;
    private final boolean skipNullCursors;

    private IncrementalJdbcReader(Builder builder) {
        this.source = builder.source;
        this.cursorColumn = builder.cursorColumn;
        this.keyColumns = List.copyOf(builder.keyColumns);
        this.destinationTable = builder.destinationTable == null ? source.name() : builder.destinationTable;
        this.stateKey = builder.stateKey == null ? this.destinationTable : builder.stateKey;
        this.batchSize = builder.batchSize;
        this.fetchSize = builder.fetchSize;
        this.skipNullCursors = builder.skipNullCursors;
    }

    /**
     * @param source the table or query to read
     * @return a builder; set at least the cursor column
     */
    public static Builder of(JdbcSource source) {
        return new Builder(Objects.requireNonNull(source, "source"));
    }

    /** @return the Sluice table the rows go to */
    public String destinationTable() {
        return destinationTable;
    }

    /** @return the state key holding this reader's position */
    public String stateKey() {
        return stateKey;
    }

    /**
     * Describes the source as a Sluice table: every column whose type maps (see
     * {@link JdbcTypeMapping}) is declared, and the key columns are the primary key.
     *
     * @param connection an open connection
     * @return the table, named {@link #destinationTable()}
     * @throws JdbcException naming the table or column at fault (missing table, missing or
     *     unsuitable cursor or key column)
     */
    public Table describe(Connection connection) {
        ReadPlan plan = plan(connection);
        Table.Builder table =
                Table.named(destinationTable).primaryKey(plan.keyNames().toArray(String[]::new));
        for (JdbcColumn column : plan.columns()) {
            JdbcTypeMapping.column(column).ifPresent(declared -> {
                if (declared.type() == dev.sluice.sdk.DataType.DECIMAL) {
                    table.decimalColumn(declared.name(), declared.precision(), declared.scale());
                } else {
                    table.column(declared.name(), declared.type());
                }
            });
        }
        return table.build();
    }

    /**
     * Reads every row after the position in the state, upserts it into
     * {@link #destinationTable()} and, after every batch, puts the new position in the state
     * and checkpoints it.
     *
     * @param connection an open connection; its auto-commit setting is restored afterwards
     * @param state the connector's state; this reader's position is under {@link #stateKey()}
     * @param operations where rows and checkpoints go
     * @return the number of rows read
     * @throws JdbcException naming the table, column or server at fault
     */
    public long sync(Connection connection, State state, Operations operations) {
        ReadPlan plan = plan(connection);
        Position from = position(plan, state);
        return read(connection, plan, from, row -> operations.upsert(destinationTable, row), (position, rows) -> {
            savePosition(state, position);
            operations.checkpoint(state);
        });
    }

    /**
     * Reads the rows after a position, in (cursor, key...) order.
     *
     * @param connection an open connection; its auto-commit setting is restored afterwards
     * @param from the position to read after, or null to read from the start
     * @param rows receives each row: column label to value (see {@link JdbcTypeMapping}); a new
     *     map per row, which the consumer may keep
     * @param batches called after every {@code batchSize} rows and after the last row with the
     *     position of the batch's last row and the batch's row count; not called when no row is read
     * @return the number of rows read
     * @throws JdbcException naming the table, column or server at fault
     */
    public long read(Connection connection, Position from, Consumer<Map<String, Object>> rows, BatchListener batches) {
        return read(connection, plan(connection), from, rows, batches);
    }

    private long read(
            Connection connection,
            ReadPlan plan,
            Position from,
            Consumer<Map<String, Object>> rows,
            BatchListener batches) {
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure(plan, e);
        }
        try {
            checkNullCursors(connection, plan);
            long count = stream(connection, plan, from, rows, batches);
            connection.commit();
            return count;
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw failure(plan, e);
        } catch (RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                LOG.debug("Cannot restore auto-commit after reading {}: {}", plan.description(), e.getMessage());
            }
        }
    }

    private static JdbcException failure(ReadPlan plan, SQLException e) {
        return new JdbcException(
                "Reading " + plan.description() + " from " + plan.server() + " failed: " + e.getMessage()
                        + " (SQL state " + e.getSQLState() + ")",
                e);
    }

    /**
     * @param connection an open connection, to learn the columns' types
     * @param state the connector's state
     * @return the position saved under {@link #stateKey()}, or null when there is none
     * @throws JdbcException when the saved position does not fit the columns (the cursor or
     *     key columns changed): it says to reset the connection's state
     */
    public Position position(Connection connection, State state) {
        return state.get(stateKey) == null ? null : position(plan(connection), state);
    }

    private Position position(ReadPlan plan, State state) {
        Object saved = state.get(stateKey);
        if (saved == null) {
            return null;
        }
        try {
            Map<?, ?> map = (Map<?, ?>) saved;
            Map<?, ?> savedKey = (Map<?, ?>) map.get("key");
            if (!cursorColumn.equalsIgnoreCase(String.valueOf(map.get("cursor_column")))
                    || !savedKey.keySet().equals(new java.util.LinkedHashSet<>(plan.keyNames()))) {
                throw new IllegalStateException(
                        "saved for cursor column '" + map.get("cursor_column") + "' and key " + savedKey.keySet());
            }
            Object cursor = PositionCodec.fromState(plan.cursorKind(), map.get("cursor"));
            Map<String, Object> key = new LinkedHashMap<>();
            for (int i = 0; i < plan.keyNames().size(); i++) {
                String name = plan.keyNames().get(i);
                key.put(name, PositionCodec.fromState(plan.keyKinds().get(i), savedKey.get(name)));
            }
            return new Position(cursor, key);
        } catch (RuntimeException e) {
            throw new JdbcException(
                    "State key '" + stateKey + "' does not hold a position of " + plan.description()
                            + " read by cursor column '" + plan.cursorName() + "' and key " + plan.keyNames() + " ("
                            + e.getMessage() + "): if the cursor or key columns changed, reset the state (sluice reset)"
                            + " to read the table again from the start",
                    e);
        }
    }

    /**
     * Saves a position under {@link #stateKey()}: {@code {"cursor_column": ..., "cursor": ...,
     * "key": {column: value}}}, timestamps and decimals as ISO/plain strings.
     *
     * @param state the connector's state
     * @param position the position to save
     */
    public void savePosition(State state, Position position) {
        Map<String, Object> key = new LinkedHashMap<>();
        position.key().forEach((name, value) -> key.put(name, PositionCodec.toState(value)));
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("cursor_column", cursorColumn);
        saved.put("cursor", PositionCodec.toState(position.cursor()));
        saved.put("key", key);
        state.put(stateKey, saved);
    }

    private ReadPlan plan(Connection connection) {
        return ReadPlan.create(connection, source, cursorColumn, keyColumns);
    }

    private void checkNullCursors(Connection connection, ReadPlan plan) throws SQLException {
        if (!plan.cursorNullable()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(plan.nullCursorSql())) {
            statement.setMaxRows(1);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                Map<String, Object> key = new LinkedHashMap<>();
                for (int i = 0; i < plan.keyNames().size(); i++) {
                    key.put(plan.keyNames().get(i), rs.getObject(i + 1));
                }
                String message = "Cursor column '" + plan.cursorName() + "' of " + plan.description()
                        + " is NULL in some rows (e.g. the row with " + key + "): an incremental read never sees them.";
                if (skipNullCursors) {
                    LOG.warn("{} Skipping them, as configured.", message);
                    return;
                }
                throw new JdbcException(message + " Fill the column (e.g. UPDATE ... SET " + plan.cursorName()
                        + " = ... WHERE " + plan.cursorName() + " IS NULL) and make it NOT NULL, choose another"
                        + " cursor column, read a query with COALESCE(...) as the cursor, or call skipNullCursors()"
                        + " to leave those rows out");
            }
        }
    }

    private long stream(
            Connection connection,
            ReadPlan plan,
            Position from,
            Consumer<Map<String, Object>> rows,
            BatchListener batches)
            throws SQLException {
        String sql = plan.selectSql(from != null);
        long started = System.nanoTime();
        try (PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(fetchSize);
            if (from != null) {
                plan.bind(statement, from);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<JdbcColumn> columns = plan.columns();
                int width = columns.size();
                String[] names = columns.stream().map(JdbcColumn::name).toArray(String[]::new);
                ValueReader[] readers =
                        columns.stream().map(JdbcTypeMapping::reader).toArray(ValueReader[]::new);
                int capacity = (int) (width / 0.75f) + 1;
                long total = 0;
                int inBatch = 0;
                Map<String, Object> last = null;
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>(capacity);
                    for (int i = 0; i < width; i++) {
                        row.put(names[i], readers[i].read(rs, i + 1));
                    }
                    plan.checkKey(row);
                    rows.accept(row);
                    last = row;
                    total++;
                    if (++inBatch == batchSize) {
                        endBatch(plan, last, inBatch, total, started, batches);
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    endBatch(plan, last, inBatch, total, started, batches);
                }
                LOG.info("{}: {} rows read{}", plan.description(), total, from == null ? " from the start" : "");
                return total;
            }
        }
    }

    private static void endBatch(
            ReadPlan plan, Map<String, Object> last, int rows, long total, long started, BatchListener batches) {
        Position position = plan.positionOf(last);
        LOG.debug(
                "{}: batch of {} rows, {} in all ({} ms), position {}",
                plan.description(),
                rows,
                total,
                (System.nanoTime() - started) / 1_000_000,
                position);
        batches.batchRead(position, rows);
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Receives the end of each batch of an {@link IncrementalJdbcReader#read} call. */
    @FunctionalInterface
    public interface BatchListener {

        /**
         * @param position the position of the batch's last row: a read from it returns the rows after the batch
         * @param rows the rows in the batch
         */
        void batchRead(Position position, int rows);
    }

    /** Collects a reader's settings. Not thread-safe. */
    public static final class Builder {
        private final JdbcSource source;
        private String cursorColumn;
        private List<String> keyColumns = List.of();
        private String destinationTable;
        private String stateKey;
        private int batchSize = 10_000;
        private int fetchSize = 1_000;
        private boolean skipNullCursors;

        private Builder(JdbcSource source) {
            this.source = source;
        }

        /**
         * @param column the column that grows whenever a row changes: a number, date or timestamp
         * @return this builder
         */
        public Builder cursorColumn(String column) {
            this.cursorColumn = column;
            return this;
        }

        /**
         * @param columns the columns that, with the cursor, identify a row and order rows with the
         *     same cursor value; by default the table's primary key (a query must name them)
         * @return this builder
         */
        public Builder keyColumns(String... columns) {
            this.keyColumns = new ArrayList<>(Arrays.asList(columns));
            return this;
        }

        /**
         * @param table the Sluice table the rows go to; by default the source's name
         * @return this builder
         */
        public Builder destinationTable(String table) {
            this.destinationTable = table;
            return this;
        }

        /**
         * @param key the state key holding the position; by default the destination table's name
         * @return this builder
         */
        public Builder stateKey(String key) {
            this.stateKey = key;
            return this;
        }

        /**
         * @param rows rows per batch, and so per checkpoint; default 10,000
         * @return this builder
         */
        public Builder batchSize(int rows) {
            this.batchSize = rows;
            return this;
        }

        /**
         * @param rows rows the driver fetches from the server at a time; default 1,000
         * @return this builder
         */
        public Builder fetchSize(int rows) {
            this.fetchSize = rows;
            return this;
        }

        /**
         * Leaves rows whose cursor is NULL out (with a warning in the log) instead of failing.
         *
         * @return this builder
         */
        public Builder skipNullCursors() {
            this.skipNullCursors = true;
            return this;
        }

        /**
         * @return the reader
         * @throws IllegalArgumentException when the cursor column is missing or a size is not positive
         */
        public IncrementalJdbcReader build() {
            if (cursorColumn == null || cursorColumn.isBlank()) {
                throw new IllegalArgumentException("Reader of " + source + " has no cursor column: call"
                        + " cursorColumn(...) with a column that grows when a row changes, e.g. updated_at");
            }
            if (batchSize < 1 || fetchSize < 1) {
                throw new IllegalArgumentException("Reader of " + source + ": batchSize (" + batchSize
                        + ") and fetchSize (" + fetchSize + ") must be at least 1");
            }
            if (source.isQuery() && keyColumns.isEmpty()) {
                throw new IllegalArgumentException("Reader of " + source + " has no key columns: a query has no"
                        + " primary key, so call keyColumns(...) with the columns that identify a row");
            }
            return new IncrementalJdbcReader(this);
        }
    }
}
