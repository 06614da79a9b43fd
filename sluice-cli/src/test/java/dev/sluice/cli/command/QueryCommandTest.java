package dev.sluice.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.cli.CliRun;
import dev.sluice.cli.output.CommandHint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandTest {

    @TempDir
    Path project;

    @BeforeEach
    void warehouse() throws Exception {
        Path db = Files.createDirectories(project.resolve("files")).resolve("warehouse.db");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db);
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA tester");
            sql.execute("CREATE TABLE tester.orders (id INTEGER PRIMARY KEY, note VARCHAR, amount DOUBLE,"
                    + " _fivetran_synced TIMESTAMP WITH TIME ZONE, _fivetran_deleted BOOLEAN)");
            sql.execute("INSERT INTO tester.orders VALUES (1, 'short', 9.5, now(), false),"
                    + " (2, NULL, 120.25, now(), true),"
                    + " (3, '" + "x".repeat(100) + "', 7, now(), false)");
            sql.execute("CREATE TABLE tester.\"order lines\" (_fivetran_id VARCHAR PRIMARY KEY, qty BIGINT)");
        }
    }

    @Test
    void printsAnAlignedTableWithNullsCutValuesAndTheRowCount() {
        CliRun run =
                CliRun.sluice("query", project.toString(), "SELECT id, note, amount FROM tester.orders ORDER BY id");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String expectedLong = "x".repeat(39) + "…";
        assertThat(run.out())
                .isEqualTo(""
                        + " id | note                                     | amount\n"
                        + "----+------------------------------------------+--------\n"
                        + "  1 | short                                    |    9.5\n"
                        + "  2 | NULL                                     | 120.25\n"
                        + "  3 | " + expectedLong + " |    7.0\n"
                        + "(3 rows)\n");
    }

    @Test
    void oneArgumentThatIsNotAFolderIsTheSqlForTheCurrentFolder() throws Exception {
        CliRun run = CliRun.command(new QueryCommand(), "SELECT 1 AS one");

        // the current folder has no warehouse, so the SQL was taken as SQL and the folder as the current one
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No warehouse in " + Path.of("").toAbsolutePath(), "sluice debug");
    }

    @Test
    void oneArgumentThatIsAFolderPrintsTheOverview() {
        CliRun run = CliRun.sluice("query", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "(schema tester)",
                        "orders",
                        "order lines",
                        "id, note, amount, _fivetran_synced, _fivetran_deleted");
    }

    @Test
    void aMissingTableHintsAtTheSchema() {
        CliRun run = CliRun.sluice("query", project.toString(), "SELECT * FROM orders");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Error: Query failed", "orders", "Tables are in schema tester", "tester.order lines")
                .doesNotContain("pending query result");
    }

    @Test
    void theWarehouseIsOpenedReadOnly() {
        CliRun run = CliRun.sluice("query", project.toString(), "DELETE FROM tester.orders");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsIgnoringCase("read-only");
        assertThat(CliRun.sluice("query", project.toString(), "SELECT count(*) AS n FROM tester.orders")
                        .out())
                .contains(" 3\n");
    }

    @Test
    void tablesShowsRowsDeletedRowsAndColumns() {
        CliRun run = CliRun.sluice("tables", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Tables in " + project.resolve("files/warehouse.db") + " (schema tester):")
                .containsPattern("order lines\\s+\\|\\s+0\\s+\\|\\s+0\\s+\\|\\s+_fivetran_id, qty")
                .containsPattern("orders\\s+\\|\\s+3\\s+\\|\\s+1\\s+\\|\\s+id, note")
                .contains("Query it with: sluice query " + CommandHint.folder(project)
                        + " 'SELECT * FROM tester.\"order lines\" LIMIT 10'\n");
    }

    @Test
    void tablesWithoutAWarehouseSaysToSyncFirst(@TempDir Path empty) {
        CliRun run = CliRun.sluice("tables", empty.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No warehouse in " + empty, "run `sluice debug " + empty + "` first");
    }

    @Test
    void sqlInSeveralArgumentsAfterTheFolderIsAUsageError() {
        CliRun run = CliRun.sluice("query", project.toString(), "SELECT", "42", "AS");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("got 4 arguments", "Quote the SQL so that it is one argument")
                .contains("sluice query " + project + " \"SELECT 42 AS\"");
    }

    @Test
    void argumentsAfterTheSqlAreAUsageError() {
        CliRun run = CliRun.sluice("query", "SELECT 42 AS a", "x", "y");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("got 3 arguments");
    }

    @Test
    void twoArgumentsWhoseFirstIsNoFolderAreAUsageErrorThatSaysToQuoteTheSql() {
        CliRun run = CliRun.sluice("query", "SELECT", "42");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'SELECT' is not a folder", "sluice query \"SELECT 42\"");
    }

    @Test
    void csvKeepsWholeValuesWithCommasQuotesAndNewlinesAndTellsNullFromEmpty() {
        CliRun run = CliRun.sluice(
                "query",
                project.toString(),
                "SELECT 'a,b' AS x, 'say \"hi\"' AS y, 'line1' || chr(10) || 'line2' AS z, NULL AS n, '' AS e,"
                        + " 7 AS i",
                "--format",
                "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("x,y,z,n,e,i\n\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\",,\"\",7\n");
    }

    @Test
    void jsonIsAnArrayOfObjectsWithTypedAndWholeValues() throws Exception {
        CliRun run = CliRun.sluice(
                "query",
                project.toString(),
                "SELECT id, note, amount, _fivetran_deleted AS deleted FROM tester.orders ORDER BY id",
                "--format",
                "JSON");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> rows = new ObjectMapper().readValue(run.out(), new TypeReference<>() {});
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0))
                .containsExactly(
                        Map.entry("id", 1),
                        Map.entry("note", "short"),
                        Map.entry("amount", 9.5),
                        Map.entry("deleted", false));
        assertThat(rows.get(1).get("note")).isNull();
        assertThat(rows.get(2).get("note")).isEqualTo("x".repeat(100));
    }

    @Test
    void jsonKeepsNewlines() throws Exception {
        CliRun run = CliRun.sluice(
                "query", project.toString(), "SELECT 'line1' || chr(10) || 'line2' AS z", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get(0).get("z").asText())
                .isEqualTo("line1\nline2");
    }

    @Test
    void aFormatWithoutSqlIsAUsageError() {
        CliRun run = CliRun.sluice("query", project.toString(), "--format", "csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format csv formats the result of SQL");
    }

    @Test
    void aFolderInsideTheProjectStandsForTheProject() throws Exception {
        Path src = Files.createDirectories(project.resolve("src/main"));

        CliRun run = CliRun.sluice("query", src.toString(), "SELECT count(*) AS n FROM tester.orders");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(" 3\n");
    }
}
