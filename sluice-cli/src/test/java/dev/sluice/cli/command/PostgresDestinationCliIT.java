package dev.sluice.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.CliRun;
import dev.sluice.cli.fixture.ConnectorProjects;
import dev.sluice.testservices.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code debug}, {@code tables}, {@code query} and {@code reset} on a PostgreSQL destination, chosen by file. */
class PostgresDestinationCliIT {

    private static PostgresServer postgres;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
        postgres.createDatabase("cli");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    private Path builtProject() throws Exception {
        Path project = ConnectorProjects.create(
                tmp.resolve("greeter"),
                Map.of(
                        "com.example.Greeter", ConnectorProjects.connector("com.example.Greeter", 7),
                        "dev.sluice.cli.fixture.Greeting", ConnectorProjects.connectorGreeting()),
                List.of("com.example.Greeter"));
        Files.writeString(project.resolve("configuration.json"), "{\"api_key\": \"s3cr3t-value\"}");
        return project;
    }

    private String destinationJson(String schema) {
        return "{\"type\": \"postgres\", \"host\": \"" + postgres.host() + "\", \"port\": " + postgres.port()
                + ", \"database\": \"cli\", \"user\": \"" + PostgresServer.USER + "\", \"password\": \""
                + PostgresServer.PASSWORD + "\", \"schema\": \"" + schema + "\"}";
    }

    @Test
    void theProjectsDestinationJsonSendsTheSyncToPostgresAndTheReadersFollow() throws Exception {
        Path project = builtProject();
        Files.writeString(project.resolve("destination.json"), destinationJson("greeter"));

        CliRun debug = CliRun.sluice("debug", project.toString());

        assertThat(debug.exitCode()).as(debug.out() + debug.err()).isZero();
        assertThat(debug.out())
                .contains(
                        "Sync SUCCEEDED",
                        "Tables in PostgreSQL sluice@127.0.0.1:" + postgres.port() + "/cli (schema greeter)")
                .contains("greeter.greetings (5 of 7 rows):")
                .doesNotContain(PostgresServer.PASSWORD);
        assertThat(project.resolve("files/warehouse.db")).doesNotExist();

        CliRun tables = CliRun.sluice("tables", project.toString());
        assertThat(tables.out()).contains("greetings").contains("7");
        CliRun query = CliRun.sluice("query", project.toString(), "SELECT count(*) AS n FROM greeter.greetings");
        assertThat(query.exitCode()).as(query.err()).isZero();
        assertThat(query.out()).contains(" 7");

        CliRun reset = CliRun.sluice("reset", project.toString(), "--yes");
        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("dropped 1 table of schema greeter and the schema");
        assertThat(CliRun.sluice("tables", project.toString()).out()).contains("has no tables in schema greeter");
    }

    @Test
    void destinationPicksAFileAndItsMistakesAreNamed() throws Exception {
        Path project = builtProject();
        Path file = tmp.resolve("pg.json");
        Files.writeString(file, destinationJson("other").replace("\"database\"", "\"databse\""));

        CliRun typo = CliRun.sluice("debug", project.toString(), "--destination", file.toString());
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.out() + typo.err())
                .contains("Destination file " + file)
                .contains("unknown key [databse]")
                .doesNotContain(PostgresServer.PASSWORD);

        Files.writeString(file, destinationJson("other").replace(PostgresServer.PASSWORD, "not-the-password"));
        CliRun refused = CliRun.sluice("debug", project.toString(), "--destination", file.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out() + refused.err())
                .contains("refused the login of user 'sluice'")
                .doesNotContain("not-the-password");

        Files.writeString(file, destinationJson("other"));
        CliRun ok = CliRun.sluice("debug", project.toString(), "--destination", file.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out())
                .contains("(schema other)")
                .containsPattern(
                        "Query it with: sluice query \\S+ \"SELECT \\* FROM other.greetings LIMIT 10\" --destination \\S*pg.json");
    }
}
