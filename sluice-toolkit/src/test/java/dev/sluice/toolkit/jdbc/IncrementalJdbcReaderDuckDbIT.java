package dev.sluice.toolkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sdk.DataType;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reader is plain JDBC: the same reads against an embedded DuckDB, whose driver differs from
 * PostgreSQL's in metadata and types, and which gets the expanded keyset predicate
 * ({@code c > ? OR (c = ? AND k > ?)}) rather than row values.
 */
class IncrementalJdbcReaderDuckDbIT {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = JdbcConnections.open("jdbc:duckdb:", null, null);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE readings (sensor VARCHAR, seq INTEGER, taken_at TIMESTAMPTZ NOT NULL,"
                    + " value DECIMAL(9,3), day DATE, PRIMARY KEY (sensor, seq))");
            statement.execute("INSERT INTO readings SELECT 's' || (i % 3), i, TIMESTAMPTZ '2024-05-01 00:00:00+00'"
                    + " + INTERVAL (i // 5) SECOND, i * 1.5, DATE '2024-05-01' FROM range(1, 26) t(i)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void readsInBatchesWithACompositeKeyAndResumesFromEachPosition() {
        IncrementalJdbcReader reader = IncrementalJdbcReader.of(JdbcSource.table("readings"))
                .cursorColumn("taken_at")
                .batchSize(4)
                .build();
        List<String> keys = new ArrayList<>();
        List<Position> positions = new ArrayList<>();

        reader.read(
                connection,
                null,
                row -> keys.add(row.get("sensor") + "/" + row.get("seq")),
                (position, rows) -> positions.add(position));

        assertThat(keys).hasSize(25).doesNotHaveDuplicates();
        assertThat(positions).hasSize(7);
        for (int batch = 0; batch < positions.size(); batch++) {
            List<String> rest = new ArrayList<>();
            reader.read(
                    connection,
                    positions.get(batch),
                    row -> rest.add(row.get("sensor") + "/" + row.get("seq")),
                    (p, s) -> {});
            assertThat(rest).as("after batch %d", batch).isEqualTo(keys.subList(Math.min(4 * (batch + 1), 25), 25));
        }
    }

    @Test
    void describesAndSyncsWithTheDuckDbDriver() {
        IncrementalJdbcReader reader = IncrementalJdbcReader.of(JdbcSource.table("READINGS"))
                .cursorColumn("taken_at")
                .keyColumns("sensor", "seq")
                .build();

        Table table = reader.describe(connection);
        RecordingOperations operations = new RecordingOperations();
        State state = State.empty();
        reader.sync(connection, state, operations);

        assertThat(table.primaryKey()).containsExactly("sensor", "seq");
        assertThat(table.column("taken_at").type()).isEqualTo(DataType.UTC_DATETIME);
        assertThat(table.column("value").type()).isEqualTo(DataType.DECIMAL);
        assertThat(table.column("day").type()).isEqualTo(DataType.NAIVE_DATE);
        assertThat(operations.upserts).hasSize(25);
        assertThat(operations.upserts.get(0))
                .as("first by (taken_at, sensor, seq)")
                .containsEntry("sensor", "s0")
                .containsEntry("seq", 3)
                .containsEntry("taken_at", Instant.parse("2024-05-01T00:00:00Z"))
                .containsEntry("value", new BigDecimal("4.500"))
                .containsEntry("day", LocalDate.parse("2024-05-01"));
        assertThat(reader.sync(connection, state, operations)).as("nothing new").isZero();
    }
}
