package dev.sluice.engine;

import static dev.sluice.engine.SyncHarness.r;
import static dev.sluice.engine.SyncHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration, schema, operations, state and warehouse files: clear messages, nothing checkpointed lost. */
class BadInputIT {

    private static final List<Table> ITEMS = List.of(
            Table.named("items").primaryKey("id").column("id", DataType.LONG).build());

    @TempDir
    Path dir;

    private SyncHarness h;

    /** Every test starts from a project with one checkpointed sync. */
    @BeforeEach
    void firstSync() {
        h = new SyncHarness(dir);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1, "v", "kept"));
            op.checkpoint(s.put("cursor", 1));
        });
    }

    private void assertNothingLost() {
        assertThat(h.rows("SELECT id, v, _fivetran_deleted FROM tester.items")).containsExactly(r(1L, "kept", false));
        assertThat(h.stateJson()).isEqualTo("{\"cursor\":1}");
    }

    private String failsWithConfiguration(String json) {
        if (json != null) {
            h.writeProjectFile("configuration.json", json);
        }
        String message = h.configuration(null).fails(ITEMS, (s, op) -> op.upsert("items", row("id", 2)));
        assertNothingLost();
        return message;
    }

    @Test
    void configurationFileMissing() {
        String message = failsWithConfiguration(null);
        assertThat(message)
                .contains(dir.resolve("configuration.json").toString())
                .contains("not found")
                .contains("{}");
    }

    @Test
    void configurationFileNotJson() {
        String message = failsWithConfiguration("{\"api_key\": \"s3cret-value\",\n \"host\" \"db.example.com\"}");
        assertThat(message)
                .contains("configuration.json")
                .contains("not valid JSON")
                .contains("line 2")
                .doesNotContain("s3cret-value")
                .doesNotContain("db.example.com");
    }

    @Test
    void configurationFileNotAnObject() {
        assertThat(failsWithConfiguration("[\"s3cret-value\"]"))
                .contains("configuration.json")
                .contains("JSON object")
                .contains("array")
                .doesNotContain("s3cret-value");
        assertThat(failsWithConfiguration("")).contains("configuration.json").contains("JSON object");
        assertThat(failsWithConfiguration("\"s3cret-value\""))
                .contains("configuration.json")
                .doesNotContain("s3cret-value");
    }

    @Test
    void configurationValueNotAString() {
        String message = failsWithConfiguration("{\"api_key\": \"s3cret-value\", \"port\": 54321}");
        assertThat(message)
                .contains("configuration.json")
                .contains("'port'")
                .contains("a number")
                .contains("string")
                .doesNotContain("54321")
                .doesNotContain("s3cret-value");
        assertThat(failsWithConfiguration("{\"nested\": {\"password\": \"s3cret-value\"}}"))
                .contains("'nested'")
                .doesNotContain("s3cret-value");
        assertThat(failsWithConfiguration("{\"token\": null}"))
                .contains("'token'")
                .contains("null");
        assertThat(failsWithConfiguration("{\"hosts\": [\"s3cret-host\"]}"))
                .contains("'hosts'")
                .contains("a list")
                .doesNotContain("s3cret-host");
    }

    @Test
    void configurationWithTooManyKeys() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i <= 100; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("\"k")
                    .append(i)
                    .append("\": \"secret")
                    .append(i)
                    .append('"');
        }
        String message = failsWithConfiguration(json.append('}').toString());
        assertThat(message)
                .contains("configuration.json")
                .contains("101")
                .contains("100")
                .doesNotContain("secret5");

        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i <= 100; i++) {
            many.put("k" + i, "v");
        }
        assertThat(h.configuration(many).fails((s, op) -> {})).contains("101").contains("100");
    }

    @Test
    void aValidConfigurationFileReachesTheConnector() {
        h.writeProjectFile("configuration.json", "{\"api_key\": \"abc\", \"page_size\": \"50\"}");
        Map<String, String>[] seen = new Map[1];
        SyncResult result = h.configuration(null).run(new Connector() {
            @Override
            public void update(Configuration configuration, State state, Operations operations) {
                seen[0] = configuration.asMap();
                assertThat(configuration.getInt("page_size", 0)).isEqualTo(50);
            }
        });
        assertThat(result.failureMessage()).isNull();
        assertThat(seen[0]).containsExactly(Map.entry("api_key", "abc"), Map.entry("page_size", "50"));
    }

    @Test
    void aConfigurationFileGivenByPathIsResolvedAgainstTheProject() throws IOException {
        h.writeProjectFile("conf/dev.json", "{\"who\": \"dev\"}");
        String[] seen = new String[1];
        Connector connector = new Connector() {
            @Override
            public void update(Configuration configuration, State state, Operations operations) {
                seen[0] = configuration.require("who");
            }
        };
        SyncResult result = SyncRuntime.shared()
                .run(
                        connector,
                        SyncOptions.forProject(dir)
                                .destination(h.destination())
                                .configurationFile(Path.of("conf/dev.json"))
                                .build());
        assertThat(result.failureMessage()).isNull();
        assertThat(seen[0]).isEqualTo("dev");
        SyncResult missing = SyncRuntime.shared()
                .run(
                        connector,
                        SyncOptions.forProject(dir)
                                .destination(h.destination())
                                .configurationFile(Path.of("conf/prod.json"))
                                .build());
        assertThat(missing.failureMessage())
                .contains(dir.resolve("conf/prod.json").toString())
                .contains("not found");
        SyncResult missingKey = SyncRuntime.shared()
                .run(
                        connector,
                        SyncOptions.forProject(dir)
                                .destination(h.destination())
                                .configuration(Map.of())
                                .build());
        assertThat(missingKey.failureMessage()).contains("'who'").contains("missing");
    }

    @Test
    void aSecondSyncOfTheSameProjectWhileOneRunsFailsClearly() {
        String[] second = new String[1];
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 2, "v", "first"));
            SyncResult inner =
                    new SyncHarness(dir).sync(ITEMS, (s2, op2) -> op2.upsert("items", row("id", 3, "v", "second")));
            second[0] = inner.succeeded() ? null : inner.failureMessage();
        });
        assertThat(second[0])
                .as("the second, concurrent sync must fail")
                .isNotNull()
                .contains("in use")
                .contains(h.location());
        if (!h.postgres()) {
            // DuckDB's file lock names the process holding it; PostgreSQL's lock is the server's
            assertThat(second[0]).contains("PID " + ProcessHandle.current().pid());
        }
        assertThat(h.rows("SELECT id, v FROM tester.items ORDER BY id")).containsExactly(r(1L, "kept"), r(2L, "first"));
        h.ok(ITEMS, (s, op) -> op.upsert("items", row("id", 4, "v", "after")));
        assertThat(h.count("SELECT count(*) FROM tester.items"))
                .as("the project is free again")
                .isEqualTo(3);
    }

    private String failsWithSchema(SyncHarness.SchemaBody schema) {
        SyncResult result = h.sync(schema, (s, op) -> op.upsert("items", row("id", 2)));
        assertThat(result.succeeded()).isFalse();
        assertNothingLost();
        return result.failureMessage();
    }

    @Test
    void schemaWithADuplicateTable() {
        assertThat(failsWithSchema(() -> List.of(
                        Table.named("orders").build(), Table.named("orders").build())))
                .contains("'orders'")
                .contains("twice");
        assertThat(failsWithSchema(() -> List.of(
                        Table.named("userData").build(),
                        Table.named("user_data").build())))
                .contains("'userData'")
                .contains("'user_data'")
                .contains("both become");
        assertThat(failsWithSchema(
                        () -> java.util.Arrays.asList(Table.named("ok").build(), null)))
                .contains("null table");
    }

    @Test
    void schemaWithInvalidTables() {
        assertThat(failsWithSchema(() -> List.of(Table.named("").build())))
                .contains("schema() failed")
                .contains("empty name");
        assertThat(failsWithSchema(() -> List.of(Table.named(null).build())))
                .contains("schema() failed")
                .contains("empty name");
        assertThat(failsWithSchema(() -> List.of(Table.named("t")
                        .column("a", DataType.STRING)
                        .column("a", DataType.INT)
                        .build())))
                .contains("'t'")
                .contains("'a'")
                .contains("twice");
        assertThat(failsWithSchema(() -> List.of(Table.named("t")
                        .column("userId", DataType.STRING)
                        .column("user_id", DataType.INT)
                        .build())))
                .contains("'t'")
                .contains("both become 'user_id'");
        assertThat(failsWithSchema(() -> List.of(
                        Table.named("t").column("a", DataType.fromName("TEXT")).build())))
                .contains("schema() failed")
                .contains("Unknown data type 'TEXT'")
                .contains("STRING");
        assertThat(failsWithSchema(
                        () -> List.of(Table.named("t").decimalColumn("p", 39, 2).build())))
                .contains("'t'")
                .contains("'p'")
                .contains("precision 39");
        assertThat(failsWithSchema(() ->
                        List.of(Table.named("t").decimalColumn("p", 10, 11).build())))
                .contains("'p'")
                .contains("scale 11");
        assertThat(failsWithSchema(() ->
                        List.of(Table.named("t").column("d", DataType.DECIMAL).build())))
                .contains("'d'")
                .contains("decimalColumn");
        assertThat(failsWithSchema(() -> List.of(Table.named("t").primaryKey().build())))
                .contains("'t'")
                .contains("primaryKey() names no column");
        assertThat(failsWithSchema(
                        () -> List.of(Table.named("t").primaryKey("a", "a").build())))
                .contains("listed twice");
        assertThat(failsWithSchema(
                        () -> List.of(Table.named("t").primaryKey("a", " ").build())))
                .contains("empty");
    }

    @Test
    void schemaReturningNullIsAnEmptySchema() {
        SyncResult result = h.sync(() -> null, (s, op) -> op.upsert("items", row("id", 2, "v", "new")));
        assertThat(result.failureMessage()).isNull();
        assertThat(h.count("SELECT count(*) FROM tester.items")).isEqualTo(2);
    }

    @Test
    void operationsWithAnEmptyOrNullTableName() {
        for (String name : java.util.Arrays.asList("", " ", null)) {
            assertThat(h.fails(ITEMS, (s, op) -> op.upsert(name, row("id", 1))))
                    .as("[" + name + "]")
                    .contains("upsert()")
                    .contains("empty table name");
            assertThat(h.fails(ITEMS, (s, op) -> op.update(name, row("id", 1))))
                    .contains("update()")
                    .contains("empty table name");
            assertThat(h.fails(ITEMS, (s, op) -> op.delete(name, row("id", 1))))
                    .contains("delete()")
                    .contains("empty table name");
            assertThat(h.fails(ITEMS, (s, op) -> op.truncate(name)))
                    .contains("truncate()")
                    .contains("empty table name");
        }
        assertNothingLost();
    }

    @Test
    void operationsWithANullRow() {
        assertThat(h.fails(ITEMS, (s, op) -> op.upsert("items", (Map<String, ?>) null)))
                .contains("'items'")
                .contains("null row");
        assertThat(h.fails(ITEMS, (s, op) -> op.upsert("items", (Record) null)))
                .contains("'items'")
                .contains("null record");
        assertThat(h.fails(ITEMS, (s, op) -> op.update("items", null)))
                .contains("'items'")
                .contains("null row");
        assertThat(h.fails(ITEMS, (s, op) -> op.delete("items", null)))
                .contains("'items'")
                .contains("null row");
        assertThat(h.fails(ITEMS, (s, op) -> op.upsert("items", row("id", 3, null, "x"))))
                .contains("'items'")
                .contains("null");
        assertNothingLost();
    }

    @Test
    void aStateValueThatJsonCannotHold() {
        assertThat(h.fails(ITEMS, (s, op) -> op.checkpoint(s.put("cursor", new Object()))))
                .contains("update() failed")
                .contains("'cursor'")
                .contains("cannot be stored as JSON");
        assertThat(h.fails(ITEMS, (s, op) -> op.checkpoint(s.put("cursor", Double.NaN))))
                .contains("'cursor'")
                .contains("NaN");
        assertThat(h.fails(ITEMS, (s, op) -> op.checkpoint(s.put("m", Map.of(1, "x")))))
                .contains("'m'")
                .contains("keys must be strings");
        assertThat(h.fails(ITEMS, (s, op) -> op.checkpoint(null))).contains("checkpoint(null)");
        assertNothingLost();
    }

    @Test
    void anExceptionThrownByTheConnector() {
        assertThat(h.fails(ITEMS, (s, op) -> {
                    op.upsert("items", row("id", 2));
                    throw new IOException("HTTP 503 from api.example.com");
                }))
                .contains("update() failed")
                .contains("java.io.IOException")
                .contains("HTTP 503 from api.example.com");
        assertThat(h.fails(ITEMS, (s, op) -> {
                    throw new NullPointerException();
                }))
                .contains("update() failed")
                .contains("NullPointerException");
        assertThat(h.fails(ITEMS, (s, op) -> {
                    throw new SyncException("Account locked: ask the admin");
                }))
                .isEqualTo("Account locked: ask the admin");
        SyncResult schemaFailure = h.sync(
                () -> {
                    throw new IllegalStateException("cannot list tables");
                },
                (s, op) -> op.upsert("items", row("id", 2)));
        assertThat(schemaFailure.failureMessage()).contains("schema() failed").contains("cannot list tables");
        assertThat(schemaFailure.failure()).isInstanceOf(IllegalStateException.class);
        assertThat(h.fails(ITEMS, (s, op) -> {
                    throw new StackOverflowError("deep");
                }))
                .contains("update() failed")
                .contains("StackOverflowError");
        assertNothingLost();
    }

    @Test
    void aCorruptStateFileFailsNamingItAndSluiceReset() throws IOException {
        for (String text : List.of("{\"cursor\": ", "[1, 2]", "42", "")) {
            Files.writeString(h.stateFile(), text);
            String message = h.fails(ITEMS, (s, op) -> op.upsert("items", row("id", 2)));
            assertThat(message).as(text).contains(h.stateFile().toString()).contains("sluice reset");
            assertThat(h.rows("SELECT id, v FROM tester.items")).containsExactly(r(1L, "kept"));
            assertThat(Files.readString(h.stateFile())).isEqualTo(text);
        }
    }

    @Test
    void anUnusableWarehouseFailsNamingIt() throws IOException {
        if (h.postgres()) {
            aWrongPasswordOrDatabaseFailsNamingTheDestinationButNotThePassword();
            return;
        }
        // a corrupt DuckDB file: the message names it and `sluice reset`
        Path other = dir.resolve("other");
        Files.createDirectories(other.resolve("files"));
        Files.write(
                other.resolve("files/warehouse.db"),
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        String message = new SyncHarness(other).fails((s, op) -> {});
        assertThat(message)
                .contains(other.resolve("files/warehouse.db").toString())
                .contains("sluice reset");
    }

    /** PostgreSQL's counterpart of a corrupt warehouse file: a destination that refuses the sync. */
    private void aWrongPasswordOrDatabaseFailsNamingTheDestinationButNotThePassword() throws IOException {
        DestinationConfig.Postgres good = (DestinationConfig.Postgres) h.destination();
        String wrongPassword = "not-the-password-" + ProcessHandle.current().pid();
        for (DestinationConfig.Postgres bad : List.of(
                new DestinationConfig.Postgres(
                        good.host(), good.port(), good.database(), good.user(), wrongPassword, good.schema()),
                new DestinationConfig.Postgres(
                        good.host(), good.port(), "no_such_database", good.user(), good.password(), good.schema()))) {
            Path other = dir.resolve("other-" + bad.database());
            Files.createDirectories(other);
            Files.writeString(
                    other.resolve(TestDestination.FILE_NAME),
                    "{\"type\": \"postgres\", \"host\": \"" + bad.host() + "\", \"port\": " + bad.port()
                            + ", \"database\": \"" + bad.database() + "\", \"user\": \"" + bad.user()
                            + "\", \"password\": \"" + bad.password() + "\"}");
            String message = new SyncHarness(other).fails((s, op) -> {});
            assertThat(message)
                    .contains(bad.database())
                    .contains(bad.host() + ":" + bad.port())
                    .doesNotContain(wrongPassword)
                    .doesNotContain(good.password());
        }
    }

    @Test
    void aWarehouseHeldByAnotherProcessFailsNamingThePid() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldWarehouse.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // skip anything the JVM prints first
            }
            assertThat(line).as("the holder process opened the warehouse").isEqualTo("READY");
            String message = h.fails(ITEMS, (s, op) -> op.upsert("items", row("id", 2)));
            assertThat(message).contains(h.location()).contains("in use");
            if (!h.postgres()) {
                assertThat(message).contains("PID " + holder.pid());
            }
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        assertNothingLost();
    }

    /**
     * Holds a project's warehouse until killed: opens its DuckDB file read-write, or takes the
     * advisory lock a sync takes on its PostgreSQL schema.
     */
    public static final class HoldWarehouse {
        public static void main(String[] args) throws Exception {
            DestinationConfig destination = TestDestination.forProject(Path.of(args[0]));
            String url = destination instanceof DestinationConfig.Postgres p
                    ? "jdbc:postgresql://" + p.host() + ":" + p.port() + "/" + p.database()
                    : "jdbc:duckdb:" + ((DestinationConfig.DuckDb) destination).file();
            try (Connection connection = destination instanceof DestinationConfig.Postgres p
                    ? DriverManager.getConnection(url, p.user(), p.password())
                    : DriverManager.getConnection(url)) {
                connection
                        .createStatement()
                        .execute(
                                destination instanceof DestinationConfig.Postgres p
                                        ? "SELECT pg_advisory_lock(" + 0x736c7563 + ", hashtext('" + p.schema() + "'))"
                                        : "SELECT 1");
                System.out.println("READY");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
