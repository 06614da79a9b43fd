package dev.sluice.engine.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.engine.warehouse.WarehouseReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warehouse written by an earlier version (one state row with id 1, pending keys without a schema)
 * is moved to the current bookkeeping when first opened: the sync resumes from its state and the
 * deferred keys are added, also to a table the sync does not write.
 */
class EarlierLayoutIT {

    @TempDir
    Path project;

    @Test
    void aWarehouseOfTheEarlierLayoutResumesFromItsStateAndGetsItsDeferredKey() throws Exception {
        Path file = project.resolve("files/warehouse.db");
        Files.createDirectories(file.getParent());
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA tester");
            statement.execute("CREATE SCHEMA _sluice");
            statement.execute("CREATE TABLE _sluice.sync_state (id INTEGER PRIMARY KEY, state VARCHAR NOT NULL,"
                    + " previous_state VARCHAR, saved_at TIMESTAMPTZ NOT NULL)");
            statement.execute("INSERT INTO _sluice.sync_state VALUES (1, '{\"page\":3}', NULL, now())");
            statement.execute("CREATE TABLE _sluice.pending_keys (table_name VARCHAR PRIMARY KEY,"
                    + " key_columns VARCHAR[] NOT NULL)");
            statement.execute("INSERT INTO _sluice.pending_keys VALUES ('items', ['id']), ('untouched', ['id'])");
            statement.execute("CREATE TABLE tester.items (id BIGINT NOT NULL, name VARCHAR,"
                    + " _fivetran_synced TIMESTAMPTZ NOT NULL, _fivetran_deleted BOOLEAN NOT NULL DEFAULT false)");
            statement.execute("INSERT INTO tester.items VALUES (1, 'one', now(), false)");
            statement.execute("CREATE TABLE tester.untouched (id BIGINT NOT NULL,"
                    + " _fivetran_synced TIMESTAMPTZ NOT NULL, _fivetran_deleted BOOLEAN NOT NULL DEFAULT false)");
        }
        AtomicReference<Long> resumedFrom = new AtomicReference<>();
        SyncResult result = SyncRuntime.shared()
                .run(
                        (configuration, state, operations) -> {
                            resumedFrom.set(state.getLong("page", 0L));
                            operations.upsert("items", Map.of("id", 2L, "name", "two"));
                            operations.checkpoint(state.put("page", 4));
                        },
                        SyncOptions.forProject(project).configuration(Map.of()).build());

        assertThat(result.succeeded()).as(result.failureMessage()).isTrue();
        assertThat(resumedFrom.get()).isEqualTo(3L);
        assertThat(Files.readString(project.resolve("files/state.json"))).contains("\"page\":4");
        try (WarehouseReader reader = WarehouseReader.open(file)) {
            assertThat(reader.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = '_sluice'"
                                    + " AND table_name IN ('sync_state', 'pending_keys')")
                            .rows())
                    .containsExactly(Map.of("n", 0L));
            assertThat(reader.query("SELECT schema_name, state FROM _sluice.checkpoint_state")
                            .rows())
                    .containsExactly(Map.of("schema_name", "tester", "state", "{\"page\":4}"));
            assertThat(reader.query("SELECT count(*) AS n FROM duckdb_constraints() WHERE table_name IN ('items',"
                                    + " 'untouched') AND constraint_type = 'PRIMARY KEY'")
                            .rows())
                    .as("the deferred keys of both tables," + " the one this sync did not write included")
                    .containsExactly(Map.of("n", 2L));
            assertThat(reader.query("SELECT count(*) AS n FROM _sluice.deferred_keys")
                            .rows())
                    .containsExactly(Map.of("n", 0L));
            assertThat(reader.rows("items")).hasSize(2);
        }
    }
}
