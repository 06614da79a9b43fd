package dev.sluice.engine.destination.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.naming.NamingStrategy;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.engine.warehouse.DestinationReset;
import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.testservices.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only PostgreSQL needs: its identifier limit, the errors a server gives (unreachable, login,
 * database, privileges, a table Sluice did not create, text it cannot store), and the lock that keeps
 * two syncs out of one schema. Messages never show the password.
 */
class PostgresDestinationRulesIT {

    private static final String SECRET = "s3cret-Pa55word";
    private static PostgresServer postgres;

    @TempDir
    Path project;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
        postgres.createDatabase("rules");
        postgres.createDatabase("restricted");
        postgres.execute(
                "restricted",
                "CREATE ROLE reader LOGIN PASSWORD '" + SECRET + "'",
                "CREATE ROLE writer LOGIN PASSWORD '" + SECRET + "'",
                "CREATE SCHEMA granted AUTHORIZATION writer",
                "CREATE SCHEMA _sluice AUTHORIZATION writer");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    private static DestinationConfig.Postgres destination(
            String database, String user, String password, String schema) {
        return new DestinationConfig.Postgres(postgres.host(), postgres.port(), database, user, password, schema);
    }

    private static DestinationConfig.Postgres destination(String schema) {
        return destination("rules", PostgresServer.USER, PostgresServer.PASSWORD, schema);
    }

    @Test
    void namesLongerThanSixtyThreeBytesStayDistinctAndMapBackOnTheNextSync() {
        String prefix = "a_table_name_that_runs_on_and_on_well_past_the_identifier_limit_";
        String tableA = prefix + "alpha";
        String tableB = prefix + "beta";
        String column = "ünïcödé_column_name_that_runs_on_and_on_well_past_the_identifier_limit";
        DestinationConfig.Postgres config = destination("long_names");
        List<Table> schema = List.of(
                Table.named(tableA).primaryKey("id").build(),
                Table.named(tableB).primaryKey("id").build());
        for (int run = 1; run <= 2; run++) {
            int value = run;
            SyncOptions options = SyncOptions.forProject(project)
                    .configuration(Map.of())
                    .destination(config)
                    .naming(NamingStrategy.SOURCE)
                    .build();
            SyncResult result = SyncRuntime.shared()
                    .run(
                            connector(schema, ops -> {
                                Map<String, Object> row = new LinkedHashMap<>();
                                row.put("id", 1);
                                row.put(column, value);
                                ops.upsert(tableA, row);
                                ops.upsert(tableB, Map.of("id", 2, column, value * 10));
                                ops.checkpoint(State.of(Map.of("run", value)));
                            }),
                            options);
            assertThat(result.failureMessage()).isNull();
        }
        String physicalA = PostgresNames.physical(tableA);
        String physicalB = PostgresNames.physical(tableB);
        String physicalColumn = PostgresNames.physical(column);
        assertThat(physicalA).isNotEqualTo(physicalB).startsWith(prefix.substring(0, 40));
        assertThat(physicalA.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(physicalColumn.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(63);
        try (WarehouseReader reader = WarehouseReader.open(config)) {
            assertThat(reader.tables()).containsExactlyInAnyOrder(physicalA, physicalB);
            assertThat(reader.columns(physicalA))
                    .containsExactly("id", physicalColumn, "_fivetran_synced", "_fivetran_deleted");
            assertThat(reader.query("SELECT " + WarehouseReader.quote(physicalColumn) + " AS v FROM long_names."
                                    + WarehouseReader.quote(physicalB))
                            .rows())
                    .containsExactly(Map.of("v", 20));
        }
    }

    @Test
    void anUnreachableServerIsNamedWithHostAndPort() {
        DestinationConfig.Postgres config =
                new DestinationConfig.Postgres("127.0.0.1", 1, "rules", "sluice", SECRET, "tester");
        String message = sync(config, List.of(), ops -> {}).failureMessage();
        assertThat(message)
                .contains("Cannot reach PostgreSQL at 127.0.0.1:1")
                .contains("\"host\" and \"port\"")
                .doesNotContain(SECRET);
    }

    @Test
    void aRefusedLoginNamesTheUserButNeverThePassword() {
        String message = sync(destination("restricted", "reader", "wrong-" + SECRET, "tester"), List.of(), ops -> {})
                .failureMessage();
        assertThat(message)
                .contains("refused the login of user 'reader'")
                .contains("\"user\" and \"password\"")
                .doesNotContain(SECRET);
    }

    @Test
    void aMissingDatabaseSaysHowToCreateIt() {
        String message = sync(
                        destination("nowhere", PostgresServer.USER, PostgresServer.PASSWORD, "tester"),
                        List.of(),
                        ops -> {})
                .failureMessage();
        assertThat(message).contains("Database 'nowhere' does not exist").contains("CREATE DATABASE \"nowhere\"");
    }

    @Test
    void aSchemaTheUserMayNotCreateNamesThePrivilege() {
        String message = sync(destination("restricted", "reader", SECRET, "tester"), List.of(), ops -> {})
                .failureMessage();
        assertThat(message)
                .contains("User 'reader' lacks a privilege")
                .contains("GRANT")
                .doesNotContain(SECRET);
    }

    @Test
    void aUserWithoutCreateOnTheDatabaseWritesASchemaMadeForIt() {
        SyncResult result = sync(destination("restricted", "writer", SECRET, "granted"), List.of(), ops -> {
            ops.upsert("things", Map.of("id", 1, "name", "one"));
            ops.checkpoint(State.of(Map.of("n", 1)));
        });
        assertThat(result.failureMessage()).isNull();
    }

    @Test
    void aTableSluiceDidNotCreateIsNotTouched() {
        postgres.execute(
                "rules",
                "CREATE SCHEMA foreign_tables",
                "CREATE TABLE foreign_tables.orders (id int, note text)",
                "INSERT INTO foreign_tables.orders VALUES (1, 'theirs')");
        String message = sync(destination("foreign_tables"), List.of(), ops -> ops.upsert("orders", Map.of("id", 2)))
                .failureMessage();
        assertThat(message)
                .contains("Table foreign_tables.orders")
                .contains("was not created by Sluice")
                .contains("Drop or rename it");
        try (WarehouseReader reader = WarehouseReader.open(destination("foreign_tables"))) {
            assertThat(reader.query("SELECT * FROM foreign_tables.orders").rows())
                    .containsExactly(Map.of("id", 1, "note", "theirs"));
        }
    }

    @Test
    void aResetDropsOnlyWhatSluiceCreated() {
        postgres.execute("rules", "CREATE SCHEMA shared", "CREATE TABLE shared.theirs (id int)");
        DestinationConfig.Postgres config = destination("shared");
        assertThat(sync(config, List.of(), ops -> {
                            ops.upsert("ours", Map.of("id", 1));
                            ops.checkpoint(State.of(Map.of("n", 1)));
                        })
                        .failureMessage())
                .isNull();

        assertThat(DestinationReset.reset(config))
                .contains("dropped 1 table of schema shared")
                .doesNotContain("and the schema");

        try (WarehouseReader reader = WarehouseReader.open(config)) {
            assertThat(reader.tables()).containsExactly("theirs");
            assertThat(reader.query("SELECT count(*) AS n FROM _sluice.checkpoint_state WHERE schema_name = 'shared'")
                            .rows())
                    .containsExactly(Map.of("n", 0L));
        }
    }

    @Test
    void textWithANulCharacterNamesTableAndColumn() {
        String message = sync(
                        destination("nul_text"),
                        List.of(),
                        ops -> ops.upsert("notes", Map.of("id", 1, "body", "a\u0000b")))
                .failureMessage();
        assertThat(message).contains("Table 'notes', column 'body'").contains("NUL");
    }

    @Test
    void aSecondSyncIntoTheSameSchemaWaitsForNone() throws Exception {
        DestinationConfig.Postgres config = destination("locked");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> sync(config, List.of(), ops -> {
            ops.upsert("t", Map.of("id", 1));
            inside.countDown();
            release.await(60, TimeUnit.SECONDS);
        }));
        first.start();
        assertThat(inside.await(60, TimeUnit.SECONDS)).isTrue();
        try {
            SyncResult second = new SyncRuntime("64MB").run(connector(List.of(), ops -> {}), options(config));
            assertThat(second.failureMessage()).contains("is in use by another sync");
        } finally {
            release.countDown();
            first.join();
        }
    }

    @Test
    void theStateCommitsWithTheDataInTheDestination() throws Exception {
        DestinationConfig.Postgres config = destination("state_table");
        assertThat(sync(
                                config,
                                List.of(Table.named("t")
                                        .primaryKey("id")
                                        .column("id", DataType.LONG)
                                        .build()),
                                ops -> {
                                    ops.upsert("t", Map.of("id", 1L));
                                    ops.checkpoint(State.of(Map.of("cursor", "c1")));
                                    ops.upsert("t", Map.of("id", 2L));
                                    throw new IllegalStateException("the source went away");
                                })
                        .failureMessage())
                .contains("the source went away");
        try (Connection connection = postgres.connect("rules");
                var statement = connection.createStatement();
                var rs = statement.executeQuery(
                        "SELECT state FROM _sluice.checkpoint_state WHERE schema_name = 'state_table'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("c1");
        }
        try (WarehouseReader reader = WarehouseReader.open(config)) {
            assertThat(reader.query("SELECT id FROM state_table.t").rows()).containsExactly(Map.of("id", 1L));
        }
    }

    private interface Body {
        void run(Operations ops) throws Exception;
    }

    private SyncResult sync(DestinationConfig config, List<Table> schema, Body body) {
        return SyncRuntime.shared().run(connector(schema, body), options(config));
    }

    private SyncOptions options(DestinationConfig config) {
        return SyncOptions.forProject(project)
                .configuration(Map.of())
                .destination(config)
                .build();
    }

    private static Connector connector(List<Table> schema, Body body) {
        return new Connector() {
            @Override
            public List<Table> schema(Configuration configuration) {
                return schema;
            }

            @Override
            public void update(Configuration configuration, State state, Operations operations) throws Exception {
                body.run(operations);
            }
        };
    }
}
