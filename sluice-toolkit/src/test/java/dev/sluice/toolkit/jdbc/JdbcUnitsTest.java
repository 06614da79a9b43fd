package dev.sluice.toolkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sdk.DataType;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcUnitsTest {

    @Test
    void describingAUrlDropsCredentialsAndParameters() {
        assertThat(JdbcConnections.describe("jdbc:postgresql://db.example.com:5432/shop?user=a&password=secret"))
                .isEqualTo("jdbc:postgresql://db.example.com:5432/shop");
        assertThat(JdbcConnections.describe("jdbc:mysql://admin:secret@db:3306/shop"))
                .isEqualTo("jdbc:mysql://db:3306/shop");
        assertThat(JdbcConnections.describe("jdbc:sqlserver://db:1433;databaseName=shop;password=secret"))
                .isEqualTo("jdbc:sqlserver://db:1433");
        assertThat(JdbcConnections.describe("jdbc:oracle:thin:@//db:1521/orcl")).doesNotContain("secret");
        assertThat(JdbcConnections.describe("jdbc:oracle:thin:scott/tiger@db:1521:orcl"))
                .isEqualTo("jdbc:oracle:…@db:1521:orcl")
                .doesNotContain("tiger");
        assertThat(JdbcConnections.describe("jdbc:oracle:thin:scott/tiger@//db:1521/svc?x=1"))
                .isEqualTo("jdbc:oracle:…@//db:1521/svc");
    }

    @Test
    void theKeysetPredicateUsesRowValuesOrTheExpandedFormEveryDatabaseUnderstands() {
        List<String> columns = List.of("\"c\"", "\"k1\"", "\"k2\"");
        SqlDialect rowValues = new SqlDialect("\"", true);
        SqlDialect expanded = new SqlDialect("\"", false);

        assertThat(rowValues.after(columns)).isEqualTo("(\"c\", \"k1\", \"k2\") > (?, ?, ?)");
        assertThat(expanded.after(columns))
                .isEqualTo("(\"c\" > ? OR (\"c\" = ? AND (\"k1\" > ? OR (\"k1\" = ? AND \"k2\" > ?))))");
        assertThat(expanded.bindingsPerColumn(0, 3)
                        + expanded.bindingsPerColumn(1, 3)
                        + expanded.bindingsPerColumn(2, 3))
                .as("one parameter per ?")
                .isEqualTo(5);
        assertThat(rowValues.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }

    @Test
    void typesMapByJdbcCodeAndByTheDatabasesTypeName() {
        assertThat(JdbcTypeMapping.dataType(column(Types.TIMESTAMP, "timestamptz", 0, 0)))
                .contains(DataType.UTC_DATETIME);
        assertThat(JdbcTypeMapping.dataType(column(Types.TIMESTAMP, "timestamp", 0, 0)))
                .contains(DataType.NAIVE_DATETIME);
        assertThat(JdbcTypeMapping.dataType(column(Types.OTHER, "jsonb", 0, 0))).contains(DataType.JSON);
        assertThat(JdbcTypeMapping.dataType(column(Types.BIT, "bit", 1, 0))).contains(DataType.BOOLEAN);
        assertThat(JdbcTypeMapping.dataType(column(Types.BIT, "bit", 8, 0))).contains(DataType.STRING);
        assertThat(JdbcTypeMapping.dataType(column(Types.NUMERIC, "numeric", 40, 2)))
                .isEmpty();
        assertThat(JdbcTypeMapping.column(column(Types.NUMERIC, "numeric", 12, 2))
                        .orElseThrow()
                        .precision())
                .isEqualTo(12);
        assertThat(JdbcTypeMapping.dataType(column(Types.OTHER, "geometry", 0, 0)))
                .contains(DataType.STRING);
    }

    @Test
    void positionValuesSurviveTheTripThroughState() {
        assertRoundTrip(JdbcTypeMapping.Kind.TIMESTAMP, LocalDateTime.parse("2024-01-01T10:00:00.123456"));
        assertRoundTrip(JdbcTypeMapping.Kind.ZONED_TIMESTAMP, Instant.parse("2024-01-01T10:00:00.000001Z"));
        assertRoundTrip(JdbcTypeMapping.Kind.DATE, LocalDate.parse("2024-02-29"));
        assertRoundTrip(JdbcTypeMapping.Kind.DECIMAL, new BigDecimal("12345678901234567890.000123"));
        assertRoundTrip(JdbcTypeMapping.Kind.LONG, Long.MAX_VALUE);
        assertRoundTrip(JdbcTypeMapping.Kind.INT, 42);
        assertRoundTrip(JdbcTypeMapping.Kind.SHORT, (short) 7);
        assertRoundTrip(JdbcTypeMapping.Kind.STRING, "o'brien");
    }

    private static void assertRoundTrip(JdbcTypeMapping.Kind kind, Object value) {
        assertThat(PositionCodec.fromState(kind, PositionCodec.toState(value))).isEqualTo(value);
    }

    private static JdbcColumn column(int type, String typeName, int precision, int scale) {
        return new JdbcColumn("c", type, typeName, precision, scale, true);
    }
}
