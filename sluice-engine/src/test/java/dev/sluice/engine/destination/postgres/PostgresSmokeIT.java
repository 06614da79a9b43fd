package dev.sluice.engine.destination.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.runtime.SyncRuntime;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresSmokeIT {

    /** The first key of the advisory lock a sync takes on its schema ("sluc"). */
    private static final int SLUICE_LOCK_SPACE = 0x736c7563;

    static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void upsertsUpdatesDeletesAndResync(@TempDir Path project) {
        postgres.createDatabase("smoke");
        DestinationConfig config = new DestinationConfig.Postgres(
                postgres.host(), postgres.port(), "smoke", PostgresServer.USER, PostgresServer.PASSWORD, "tester");
        List<Table> schema = List.of(Table.named("things")
                .primaryKey("id")
                .column("id", DataType.INT)
                .build());
        SyncResult first = sync(project, config, schema, (state, ops) -> {
            for (int i = 0; i < 1000; i++) {
                ops.upsert("things", Map.of("id", i, "name", "n" + i, "ratio", i / 2.0));
            }
            ops.checkpoint(State.of(Map.of("done", 1)));
        });
        assertThat(first.failureMessage()).isNull();
        SyncResult second = sync(project, config, schema, (state, ops) -> {
            ops.upsert("things", Map.of("id", 1, "name", "changed"));
            ops.update("things", Map.of("id", 2, "ratio", 99.5));
            ops.delete("things", Map.of("id", 3));
            ops.upsert("things", Map.of("id", 5000, "name", "new", "extra", "x".repeat(70)));
            ops.checkpoint(State.of(Map.of("done", 2)));
        });
        assertThat(second.failureMessage()).isNull();
        try (WarehouseReader reader = WarehouseReader.open(config)) {
            assertThat(reader.tables()).containsExactly("things");
            assertThat(reader.query("SELECT count(*) AS n FROM tester.things")
                            .rows()
                            .get(0)
                            .get("n"))
                    .isEqualTo(1001L);
            assertThat(reader.query("SELECT name, ratio FROM tester.things WHERE id = 1")
                            .rows()
                            .get(0))
                    .containsEntry("name", "changed")
                    .containsEntry("ratio", null);
            assertThat(reader.query("SELECT name, ratio FROM tester.things WHERE id = 2")
                            .rows()
                            .get(0))
                    .containsEntry("name", "n2")
                    .containsEntry("ratio", 99.5);
            assertThat(reader.query("SELECT _fivetran_deleted AS d FROM tester.things WHERE id = 3")
                            .rows()
                            .get(0))
                    .containsEntry("d", true);
            assertThat(reader.query("SELECT state FROM _sluice.checkpoint_state")
                            .rows()
                            .get(0)
                            .get("state")
                            .toString())
                    .contains("\"done\"");
        }
    }

    @Test
    void aSyncHasReleasedTheSchemasLockWhenItReturns(@TempDir Path project) throws Exception {
        postgres.createDatabase("unlocked");
        DestinationConfig config = new DestinationConfig.Postgres(
                postgres.host(), postgres.port(), "unlocked", PostgresServer.USER, PostgresServer.PASSWORD, "tester");
        List<Table> schema = List.of(
                Table.named("things").primaryKey("id").build(),
                Table.named("late").primaryKey("id").build());
        for (int i = 0; i < 3; i++) {
            int n = i;
            assertThat(sync(project, config, schema, (state, ops) -> ops.delete("late", Map.of("other", n)))
                            .failureMessage())
                    .contains("'id'");
            assertThat(advisoryLocks("unlocked"))
                    .as("advisory locks after failed sync %d", i)
                    .isZero();
            assertThat(sync(project, config, schema, (state, ops) -> ops.upsert("things", Map.of("id", n)))
                            .failureMessage())
                    .isNull();
            assertThat(advisoryLocks("unlocked"))
                    .as("advisory locks after sync %d", i)
                    .isZero();
        }
    }

    @Test
    void closingTheDestinationReleasesTheSchemasLockAtOnce() throws Exception {
        postgres.createDatabase("released");
        DestinationConfig.Postgres config = new DestinationConfig.Postgres(
                postgres.host(), postgres.port(), "released", PostgresServer.USER, PostgresServer.PASSWORD, "tester");
        // connected beforehand, so that the lock is tried the moment close() returns (the next sync's
        // connection could take long enough for the server to end the closed session first)
        try (Connection next = postgres.connect("released");
                Statement statement = next.createStatement()) {
            for (int i = 0; i < 20; i++) {
                PostgresDestination.open(config, 100, 1000).close();
                try (ResultSet rs = statement.executeQuery(
                        "SELECT pg_try_advisory_lock(" + SLUICE_LOCK_SPACE + ", hashtext('tester'))")) {
                    rs.next();
                    assertThat(rs.getBoolean(1))
                            .as("lock free right after close %d", i)
                            .isTrue();
                }
                statement.execute("SELECT pg_advisory_unlock_all()");
            }
        }
    }

    private static long advisoryLocks(String database) throws Exception {
        try (Connection connection = postgres.connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_locks l JOIN pg_database d"
                        + " ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = '" + database + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private interface Body {
        void run(State state, Operations ops) throws Exception;
    }

    private static SyncResult sync(Path project, DestinationConfig config, List<Table> schema, Body body) {
        return SyncRuntime.shared()
                .run(
                        new Connector() {
                            @Override
                            public List<Table> schema(Configuration configuration) {
                                return schema;
                            }

                            @Override
                            public void update(Configuration configuration, State state, Operations operations)
                                    throws Exception {
                                body.run(state, operations);
                            }
                        },
                        SyncOptions.forProject(project)
                                .configuration(Map.of())
                                .destination(config)
                                .build());
    }
}
