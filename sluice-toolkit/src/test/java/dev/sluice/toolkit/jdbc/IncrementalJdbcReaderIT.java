package dev.sluice.toolkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.sdk.Column;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.testservices.FreePorts;
import dev.sluice.testservices.PostgresServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader against a real PostgreSQL started for this class. */
class IncrementalJdbcReaderIT {

    private static PostgresServer postgres;
    private static final String DB = "reader";
    private Connection connection;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
        postgres.createDatabase(DB);
        postgres.execute(
                DB,
                "CREATE TABLE events (id int PRIMARY KEY, updated_at timestamp NOT NULL, note text)",
                "CREATE TABLE every_type (id bigint PRIMARY KEY, small smallint, whole integer, big bigint,"
                        + " price numeric(12,2), ratio numeric, r real, d double precision, flag boolean, day date,"
                        + " at timestamp, at_tz timestamptz, blob bytea, doc jsonb, doc2 json, name varchar(20),"
                        + " body text, uid uuid, tags text[], clock time, version bigint NOT NULL)",
                "INSERT INTO every_type VALUES (1, 7, 70000, 9000000000, 1234.50, 3.14159265358979323846, 1.5,"
                        + " 2.25, true, '2024-02-29', '2024-03-01 10:15:30.123456', '2024-03-01 10:15:30.5+02',"
                        + " '\\x00ff10', '{\"a\": [1, 2]}', '{\"b\": null}', 'Ada', 'long text',"
                        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{x,y}', '12:30:00', 1)",
                "INSERT INTO every_type (id, version) VALUES (2, 2)",
                "CREATE TABLE nullable_cursor (id int PRIMARY KEY, changed bigint)",
                "INSERT INTO nullable_cursor VALUES (1, 10), (2, NULL), (3, 30)",
                "CREATE TABLE no_key (changed bigint NOT NULL, v text)");
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void connect() throws SQLException {
        postgres.execute(
                DB,
                "TRUNCATE events",
                // 10 rows sharing 3 timestamps: batches end between rows of one cursor value
                "INSERT INTO events SELECT i, timestamp '2024-01-01 00:00:00' + ((i - 1) / 4) * interval '1 second',"
                        + " 'n' || i FROM generate_series(1, 10) i");
        connection = JdbcConnections.open(postgres.jdbcUrl(DB), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    @org.junit.jupiter.api.AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    private static IncrementalJdbcReader events(int batchSize) {
        return IncrementalJdbcReader.of(JdbcSource.table("events"))
                .cursorColumn("updated_at")
                .batchSize(batchSize)
                .fetchSize(2)
                .build();
    }

    @Test
    void readsInCursorThenKeyOrderInBatchesAndResumesFromEachBatchsPosition() throws SQLException {
        IncrementalJdbcReader reader = events(3);
        List<Object> ids = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();

        long rows = reader.read(connection, null, row -> ids.add(row.get("id")), (position, size) -> {
            positions.add(position);
            sizes.add(size);
        });

        assertThat(rows).isEqualTo(10);
        assertThat(ids).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(sizes).containsExactly(3, 3, 3, 1);
        assertThat(positions.get(0))
                .isEqualTo(new Position(LocalDateTime.parse("2024-01-01T00:00:00"), Map.of("id", 3)));
        assertThat(connection.getAutoCommit()).as("auto-commit restored").isTrue();
        for (int batch = 0; batch < positions.size(); batch++) {
            List<Object> rest = new ArrayList<>();
            reader.read(connection, positions.get(batch), row -> rest.add(row.get("id")), (p, s) -> {});
            assertThat(rest).as("after batch %d", batch).isEqualTo(ids.subList(Math.min(3 * (batch + 1), 10), 10));
        }
    }

    @Test
    void streamsThroughAServerSidePortalInsteadOfLoadingTheResult() throws SQLException {
        postgres.execute(
                DB,
                "INSERT INTO events SELECT i, timestamp '2024-02-01' + i * interval '1 ms', repeat('x', 100)"
                        + " FROM generate_series(11, 20000) i");
        List<Long> openPortals = new ArrayList<>();
        long[] rows = {0};

        IncrementalJdbcReader.of(JdbcSource.table("events"))
                .cursorColumn("updated_at")
                .fetchSize(100)
                .build()
                .read(
                        connection,
                        null,
                        row -> {
                            if (rows[0]++ == 0) {
                                openPortals.add(portals());
                            }
                        },
                        (p, s) -> {});

        assertThat(rows[0]).isEqualTo(20000);
        assertThat(openPortals)
                .as("the query's portal is open while its first rows are handled")
                .containsExactly(1L);
        assertThat(portals()).isZero();
    }

    private long portals() {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(
                        "SELECT count(*) FROM pg_cursors WHERE statement LIKE 'SELECT * FROM%'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void syncCheckpointsThePositionInStateAndTheNextSyncReadsOnlyChangedRows() {
        IncrementalJdbcReader reader = events(4);
        RecordingOperations operations = new RecordingOperations();
        State state = State.empty();

        assertThat(reader.sync(connection, state, operations)).isEqualTo(10);
        assertThat(operations.checkpoints).hasSize(3);
        assertThat(state.get("events"))
                .isEqualTo(Map.of(
                        "cursor_column", "updated_at", "cursor", "2024-01-01T00:00:02", "key", Map.of("id", 10L)));

        postgres.execute(
                DB,
                "UPDATE events SET updated_at = '2024-01-02 00:00:00', note = 'changed' WHERE id = 2",
                "INSERT INTO events VALUES (11, '2024-01-02 00:00:00', 'new')");
        operations.upserts.clear();
        State resumed = State.of(state.asMap());

        assertThat(reader.sync(connection, resumed, operations)).isEqualTo(2);
        assertThat(operations.upserts).extracting(row -> row.get("id")).containsExactly(2, 11);
        assertThat(operations.upserts.get(0))
                .containsEntry("note", "changed")
                .containsEntry("updated_at", LocalDateTime.parse("2024-01-02T00:00:00"));
        assertThat(reader.sync(connection, resumed, operations))
                .as("nothing new")
                .isZero();
    }

    @Test
    void describesTheTableWithSluiceTypesAndReadsValuesAsTheEngineTakesThem() {
        IncrementalJdbcReader reader = IncrementalJdbcReader.of(JdbcSource.table("public.every_type"))
                .cursorColumn("version")
                .build();

        Table table = reader.describe(connection);

        assertThat(table.name()).isEqualTo("every_type");
        assertThat(table.primaryKey()).containsExactly("id");
        assertThat(table.column("small")).isEqualTo(Column.of("small", DataType.SHORT));
        assertThat(table.column("whole").type()).isEqualTo(DataType.INT);
        assertThat(table.column("big").type()).isEqualTo(DataType.LONG);
        assertThat(table.column("price")).isEqualTo(Column.decimal("price", 12, 2));
        assertThat(table.column("ratio"))
                .as("numeric without precision is inferred")
                .isNull();
        assertThat(table.column("r").type()).isEqualTo(DataType.FLOAT);
        assertThat(table.column("d").type()).isEqualTo(DataType.DOUBLE);
        assertThat(table.column("flag").type()).isEqualTo(DataType.BOOLEAN);
        assertThat(table.column("day").type()).isEqualTo(DataType.NAIVE_DATE);
        assertThat(table.column("at").type()).isEqualTo(DataType.NAIVE_DATETIME);
        assertThat(table.column("at_tz").type()).isEqualTo(DataType.UTC_DATETIME);
        assertThat(table.column("blob").type()).isEqualTo(DataType.BINARY);
        assertThat(table.column("doc").type()).isEqualTo(DataType.JSON);
        assertThat(table.column("doc2").type()).isEqualTo(DataType.JSON);
        assertThat(table.column("name").type()).isEqualTo(DataType.STRING);
        assertThat(table.column("body").type()).isEqualTo(DataType.STRING);
        assertThat(table.column("uid").type()).isEqualTo(DataType.STRING);
        assertThat(table.column("tags").type()).isEqualTo(DataType.JSON);
        assertThat(table.column("clock").type()).isEqualTo(DataType.STRING);

        List<Map<String, Object>> rows = new ArrayList<>();
        reader.read(connection, null, rows::add, (p, s) -> {});
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("small")).isEqualTo((short) 7);
        assertThat(row.get("whole")).isEqualTo(70000);
        assertThat(row.get("big")).isEqualTo(9_000_000_000L);
        assertThat(row.get("price")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(row.get("ratio")).isEqualTo(new BigDecimal("3.14159265358979323846"));
        assertThat(row.get("r")).isEqualTo(1.5f);
        assertThat(row.get("d")).isEqualTo(2.25d);
        assertThat(row.get("flag")).isEqualTo(true);
        assertThat(row.get("day")).isEqualTo(LocalDate.parse("2024-02-29"));
        assertThat(row.get("at")).isEqualTo(LocalDateTime.parse("2024-03-01T10:15:30.123456"));
        assertThat(row.get("at_tz")).isEqualTo(Instant.parse("2024-03-01T08:15:30.5Z"));
        assertThat((byte[]) row.get("blob")).containsExactly(0x00, 0xff, 0x10);
        assertThat(row.get("doc")).isEqualTo("{\"a\": [1, 2]}");
        assertThat(row.get("doc2")).isEqualTo("{\"b\": null}");
        assertThat(row.get("uid")).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(row.get("tags")).isEqualTo(List.of("x", "y"));
        assertThat(row.get("clock")).isEqualTo("12:30:00");
        assertThat(rows.get(1))
                .containsEntry("flag", null)
                .containsEntry("at_tz", null)
                .containsEntry("blob", null)
                .containsEntry("small", null)
                .containsEntry("r", null);
    }

    @Test
    void readsAQueryWithGivenKeyColumnsAndATimestamptzCursorThatRoundTripsThroughState() {
        IncrementalJdbcReader reader = IncrementalJdbcReader.of(JdbcSource.query(
                        "tz_events",
                        "SELECT id, (updated_at AT TIME ZONE 'UTC') AS changed_at, note FROM events WHERE id % 2 = 0;"))
                .cursorColumn("changed_at")
                .keyColumns("id")
                .batchSize(2)
                .build();
        RecordingOperations operations = new RecordingOperations();
        State state = State.empty();

        reader.sync(connection, state, operations);

        assertThat(operations.upserts).extracting(row -> row.get("id")).containsExactly(2, 4, 6, 8, 10);
        assertThat(operations.upserts.get(0).get("changed_at")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(operations.tables).containsOnly("tz_events");
        State saved = operations.checkpoints.get(1);
        Position position = reader.position(connection, saved);
        assertThat(position).isEqualTo(new Position(Instant.parse("2024-01-01T00:00:01Z"), Map.of("id", 8)));
        List<Object> rest = new ArrayList<>();
        reader.read(connection, position, row -> rest.add(row.get("id")), (p, s) -> {});
        assertThat(rest).containsExactly(10);
    }

    @Test
    void aConnectionLostInTheMiddleOfAReadFailsNamingTableAndServer() throws SQLException {
        int pid;
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        IncrementalJdbcReader reader = IncrementalJdbcReader.of(JdbcSource.table("events"))
                .cursorColumn("updated_at")
                .fetchSize(2)
                .build();

        assertThatThrownBy(() -> reader.read(
                        connection,
                        null,
                        row -> {
                            if (row.get("id").equals(1)) {
                                postgres.execute("postgres", "SELECT pg_terminate_backend(" + pid + ")");
                            }
                        },
                        (p, s) -> {}))
                .isInstanceOf(JdbcException.class)
                .hasMessageStartingWith("Reading table 'public.events' from jdbc:postgresql://127.0.0.1:"
                        + postgres.port() + "/reader failed: ");
    }

    @Test
    void theExpandedKeysetPredicateSelectsTheSameRowsAsRowValues() throws SQLException {
        List<String> columns = List.of("\"updated_at\"", "\"id\"");
        for (int after = 0; after <= 10; after++) {
            LocalDateTime cursor = LocalDateTime.parse("2024-01-01T00:00:00").plusSeconds((after - 1) / 4);
            assertThat(idsAfter(new SqlDialect("\"", false), columns, cursor, after))
                    .as("after id %d", after)
                    .isEqualTo(idsAfter(new SqlDialect("\"", true), columns, cursor, after))
                    .hasSize(10 - after);
        }
    }

    private List<Integer> idsAfter(SqlDialect dialect, List<String> columns, LocalDateTime cursor, int id)
            throws SQLException {
        String sql = "SELECT id FROM events WHERE " + dialect.after(columns) + " ORDER BY updated_at, id";
        try (var statement = connection.prepareStatement(sql)) {
            int parameter = 1;
            Object[] values = {id == 0 ? LocalDateTime.parse("1970-01-01T00:00:00") : cursor, id};
            for (int i = 0; i < values.length; i++) {
                for (int b = 0; b < dialect.bindingsPerColumn(i, values.length); b++) {
                    statement.setObject(parameter++, values[i]);
                }
            }
            List<Integer> ids = new ArrayList<>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
            return ids;
        }
    }

    @Test
    void anUnknownTableIsNamedWithTheTablesThereAre() {
        IncrementalJdbcReader reader = IncrementalJdbcReader.of(JdbcSource.table("public.evnts"))
                .cursorColumn("x")
                .build();

        assertThatThrownBy(() -> reader.describe(connection))
                .isInstanceOf(JdbcException.class)
                .hasMessageContaining("Table 'public.evnts' not found in jdbc:postgresql://127.0.0.1:" + postgres.port()
                        + "/reader (as user 'sluice')")
                .hasMessageContaining("events")
                .hasMessageContaining("every_type");
    }

    @Test
    void anUnknownCursorOrKeyColumnIsNamedWithTheTablesColumns() {
        assertThatThrownBy(() -> IncrementalJdbcReader.of(JdbcSource.table("Events"))
                        .cursorColumn("updatedat")
                        .build()
                        .describe(connection))
                .hasMessage("Column 'updatedat' (the cursor column) not found in table 'public.events': its columns are"
                        + " id, updated_at, note");
        assertThatThrownBy(() -> IncrementalJdbcReader.of(JdbcSource.table("events"))
                        .cursorColumn("UPDATED_AT")
                        .keyColumns("ident")
                        .build()
                        .describe(connection))
                .hasMessageContaining("Column 'ident' (the key column) not found in table 'public.events'");
    }

    @Test
    void aColumnThatCannotOrderRowsIsRefusedAsCursor() {
        assertThatThrownBy(() -> IncrementalJdbcReader.of(JdbcSource.table("every_type"))
                        .cursorColumn("doc")
                        .build()
                        .describe(connection))
                .hasMessageStartingWith("Column 'doc' of table 'public.every_type' is of type jsonb, which cannot be a"
                        + " cursor: choose a number, date or timestamp column");
        assertThatThrownBy(() -> IncrementalJdbcReader.of(JdbcSource.table("no_key"))
                        .cursorColumn("changed")
                        .build()
                        .describe(connection))
                .hasMessageContaining("Table 'public.no_key' has no primary key: give the reader its key columns");
    }

    @Test
    void nullCursorsFailTheReadUnlessSkipped() {
        IncrementalJdbcReader strict = IncrementalJdbcReader.of(JdbcSource.table("nullable_cursor"))
                .cursorColumn("changed")
                .build();
        assertThatThrownBy(() -> strict.read(connection, null, row -> {}, (p, s) -> {}))
                .isInstanceOf(JdbcException.class)
                .hasMessageStartingWith("Cursor column 'changed' of table 'public.nullable_cursor' is NULL in some rows"
                        + " (e.g. the row with {id=2})")
                .hasMessageContaining("make it NOT NULL");

        List<Object> ids = new ArrayList<>();
        IncrementalJdbcReader.of(JdbcSource.table("nullable_cursor"))
                .cursorColumn("changed")
                .skipNullCursors()
                .build()
                .read(connection, null, row -> ids.add(row.get("id")), (p, s) -> {});
        assertThat(ids).containsExactly(1, 3);
    }

    @Test
    void aPositionSavedForOtherColumnsIsRefusedWithAdviceToReset() {
        State state = State.of(Map.of(
                "events",
                Map.of("cursor_column", "created_at", "cursor", "2024-01-01T00:00:00", "key", Map.of("id", 1))));

        assertThatThrownBy(() -> events(10).position(connection, state))
                .hasMessageContaining("State key 'events' does not hold a position of table 'public.events'")
                .hasMessageContaining("reset the state");
    }

    @Test
    void aWrongPasswordNamesServerAndUserButNotThePassword() {
        assertThatThrownBy(() -> JdbcConnections.open(postgres.jdbcUrl(DB), PostgresServer.USER, "not-the-password-42"))
                .isInstanceOf(JdbcException.class)
                .hasMessageStartingWith(
                        "Cannot connect to jdbc:postgresql://127.0.0.1:" + postgres.port() + "/reader as"
                                + " user 'sluice': the server rejected the login: check the user name and password")
                .hasMessageNotContaining("not-the-password-42");
        assertThatThrownBy(() ->
                        JdbcConnections.open(postgres.jdbcUrl("nowhere"), PostgresServer.USER, PostgresServer.PASSWORD))
                .hasMessageContaining("the database does not exist");
    }

    @Test
    void aRefusedConnectionNamesHostPortAndUser() {
        int closed = FreePorts.find();
        assertThatThrownBy(() -> JdbcConnections.open(
                        "jdbc:postgresql://127.0.0.1:" + closed + "/shop?password=s3cr3t", "reader", "s3cr3t"))
                .isInstanceOf(JdbcException.class)
                .hasMessageStartingWith("Cannot connect to jdbc:postgresql://127.0.0.1:" + closed + "/shop as user"
                        + " 'reader': cannot reach the server: check the host and port")
                .hasMessageNotContaining("s3cr3t");
    }
}
