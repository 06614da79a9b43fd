package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.naming.NamingStrategy;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs small in-test connectors against a real warehouse in a temporary project folder and reads
 * back what landed. The warehouse is the {@link TestDestination} of the project: its DuckDB file, or
 * a fresh PostgreSQL database.
 *
 * <p>Reads are neutral, so a test asserts the same on both: {@link #columnTypes} names PostgreSQL's
 * types as DuckDB does (text and jsonb VARCHAR, bytea BLOB, numeric(p,s) DECIMAL(p,s), real FLOAT,
 * double precision DOUBLE, timestamp TIMESTAMP, timestamptz TIMESTAMP WITH TIME ZONE), {@link
 * #primaryKey} reads either catalog, and {@link #query} returns PostgreSQL's values as the tests
 * expect DuckDB's (smallint as Short, jsonb as compact JSON text, date as LocalDate, timestamp as
 * LocalDateTime, timestamptz as OffsetDateTime in UTC; labels made unique where PostgreSQL repeats
 * one). The SQL functions the tests read with are DuckDB's;
 * on PostgreSQL {@link TestDestination} provides the few they use. What differs on purpose (JSONB
 * normalizes key order and spacing, XML and JSON are recorded differently) is asserted per
 * destination in the tests, using {@link #postgres()}.
 */
final class SyncHarness {

    interface Body {
        void run(State state, Operations operations) throws Exception;
    }

    interface SchemaBody {
        List<Table> schema() throws Exception;
    }

    private final Path project;
    private int flushRows = SyncOptions.DEFAULT_FLUSH_ROWS;
    private int commitRows = SyncOptions.DEFAULT_COMMIT_ROWS;
    private SyncRuntime runtime = SyncRuntime.shared();
    private NamingStrategy naming = NamingStrategy.FIVETRAN;
    private Map<String, String> configuration = Map.of();
    private Path stateOverride;
    private CheckpointObserver observer;
    /** The state the last sync's update() received. */
    State startState;

    SyncHarness(Path project) {
        this.project = project;
    }

    SyncHarness flushRows(int rows) {
        this.flushRows = rows;
        return this;
    }

    SyncHarness commitRows(int rows) {
        this.commitRows = rows;
        return this;
    }

    SyncHarness memoryLimit(String limit) {
        this.runtime = new SyncRuntime(limit);
        return this;
    }

    SyncHarness naming(NamingStrategy naming) {
        this.naming = naming;
        return this;
    }

    /** @param values the configuration given in code; null reads {@code configuration.json} */
    SyncHarness configuration(Map<String, String> values) {
        this.configuration = values;
        return this;
    }

    SyncHarness stateOverride(Path file) {
        this.stateOverride = file;
        return this;
    }

    SyncHarness observer(CheckpointObserver observer) {
        this.observer = observer;
        return this;
    }

    SyncResult run(Connector connector) {
        SyncOptions.Builder options = SyncOptions.forProject(project)
                .destination(destination())
                .configuration(configuration)
                .flushRows(flushRows)
                .commitRows(commitRows)
                .naming(naming)
                .stateFile(stateOverride)
                .checkpointObserver(observer);
        return runtime.run(connector, options.build());
    }

    SyncResult sync(SchemaBody schema, Body body) {
        return run(new Connector() {
            @Override
            public List<Table> schema(Configuration configuration) throws Exception {
                return schema.schema();
            }

            @Override
            public void update(Configuration configuration, State state, Operations operations) throws Exception {
                startState = state.copy();
                body.run(state, operations);
            }
        });
    }

    SyncResult sync(List<Table> schema, Body body) {
        return sync(() -> schema, body);
    }

    SyncResult sync(Body body) {
        return sync(List.of(), body);
    }

    /** Runs a sync that must succeed. */
    SyncResult ok(List<Table> schema, Body body) {
        SyncResult result = sync(schema, body);
        assertThat(result.failureMessage()).as("failure message").isNull();
        assertThat(result.succeeded()).isTrue();
        return result;
    }

    SyncResult ok(Body body) {
        return ok(List.of(), body);
    }

    /** Runs a sync that must fail, and returns its message. */
    String fails(List<Table> schema, Body body) {
        SyncResult result = sync(schema, body);
        assertThat(result.succeeded())
                .as("sync succeeded but should have failed")
                .isFalse();
        assertThat(result.failureMessage()).isNotBlank();
        return result.failureMessage();
    }

    String fails(Body body) {
        return fails(List.of(), body);
    }

    <T> T read(Function<WarehouseReader, T> reader) {
        try (WarehouseReader warehouse = WarehouseReader.open(destination())) {
            return reader.apply(warehouse);
        }
    }

    /** @return the rows of a query, with PostgreSQL's values as DuckDB's (see the class comment) */
    List<Map<String, Object>> query(String sql) {
        if (destination() instanceof DestinationConfig.Postgres postgres) {
            return PostgresRows.query(postgres, sql);
        }
        return read(r -> r.query(sql).rows());
    }

    /** @return where this project's syncs write */
    DestinationConfig destination() {
        return TestDestination.forProject(project);
    }

    /** @return how messages name where this project's syncs write: the DuckDB file, or the PostgreSQL database */
    String location() {
        return destination() instanceof DestinationConfig.DuckDb duckDb
                ? duckDb.file().toString()
                : destination().describe();
    }

    /** @return whether this project's syncs write PostgreSQL */
    boolean postgres() {
        return destination() instanceof DestinationConfig.Postgres;
    }

    /** @return each row as a list of its values, in column order */
    List<List<Object>> rows(String sql) {
        return query(sql).stream()
                .map(m -> (List<Object>) new java.util.ArrayList<Object>(m.values()))
                .toList();
    }

    /** @return every row of a table, all columns but {@code _fivetran_synced}, ordered by all of them */
    List<List<Object>> rowsWithoutSynced(String table) {
        List<String> columns = read(r -> r.columns(table)).stream()
                .filter(c -> !c.equals("_fivetran_synced"))
                .map(WarehouseReader::quote)
                .toList();
        String list = String.join(", ", columns);
        return rows("SELECT " + list + " FROM tester." + WarehouseReader.quote(table) + " ORDER BY " + list);
    }

    /** A row of expected values (nulls allowed). */
    static List<Object> r(Object... values) {
        return java.util.Arrays.asList(values);
    }

    /** @return the single value of a one-row, one-column query */
    Object value(String sql) {
        List<Map<String, Object>> rows = query(sql);
        assertThat(rows).as(sql).hasSize(1);
        assertThat(rows.get(0)).as(sql).hasSize(1);
        return rows.get(0).values().iterator().next();
    }

    long count(String sql) {
        return ((Number) value(sql)).longValue();
    }

    /** @return column name to DuckDB data type (PostgreSQL's named as DuckDB's), in table order */
    Map<String, String> columnTypes(String table) {
        if (postgres()) {
            return PostgresRows.columnTypes(query(PostgresRows.columnTypesSql(table)));
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> row : query("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = 'tester' AND table_name = '" + table.replace("'", "''")
                + "' ORDER BY ordinal_position")) {
            types.put((String) row.get("column_name"), (String) row.get("data_type"));
        }
        return types;
    }

    List<String> tables() {
        return read(WarehouseReader::tables);
    }

    List<String> primaryKey(String table) {
        if (postgres()) {
            return query(PostgresRows.primaryKeySql(table)).stream()
                    .map(row -> (String) row.get("k"))
                    .toList();
        }
        List<Map<String, Object>> rows =
                query("SELECT constraint_column_names::VARCHAR[] AS k FROM duckdb_constraints()"
                        + " WHERE schema_name = 'tester' AND table_name = '" + table
                        + "' AND constraint_type = 'PRIMARY KEY'");
        assertThat(rows).hasSize(1);
        Object array = rows.get(0).get("k");
        try {
            Object[] names = (Object[]) ((java.sql.Array) array).getArray();
            return java.util.Arrays.stream(names).map(String::valueOf).toList();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Path project() {
        return project;
    }

    /** @return the project's DuckDB file (on PostgreSQL a path that messages never name) */
    Path warehouseFile() {
        return project.resolve("files/warehouse.db");
    }

    Path stateFile() {
        return project.resolve("files/state.json");
    }

    /** @return the text of files/state.json, or null */
    String stateJson() {
        try {
            return Files.exists(stateFile()) ? Files.readString(stateFile()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeProjectFile(String relative, String text) {
        try {
            Path file = project.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mutable row map (allows null values), from alternating keys and values. */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
