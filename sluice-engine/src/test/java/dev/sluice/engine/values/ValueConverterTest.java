package dev.sluice.engine.values;

import static dev.sluice.engine.values.ValueConverter.MISMATCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueConverterTest {

    private static Object declared(ColumnType type, Object value) {
        return ValueConverter.convert(type, value, true);
    }

    private static Object inferred(ColumnType type, Object value) {
        return ValueConverter.convert(type, value, false);
    }

    private static long micros(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    @Test
    void integers() {
        assertThat(declared(ColumnType.INT, "42")).isEqualTo(42);
        assertThat(declared(ColumnType.INT, " -7 ")).isEqualTo(-7);
        assertThat(declared(ColumnType.INT, 42L)).isEqualTo(42);
        assertThat(declared(ColumnType.LONG, 2.0)).isEqualTo(2L);
        assertThat(declared(ColumnType.LONG, new BigDecimal("5.000"))).isEqualTo(5L);
        assertThat(declared(ColumnType.SHORT, 32_767)).isEqualTo((short) 32_767);
        assertThat(declared(ColumnType.SHORT, 32_768)).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.INT, 1L << 40)).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.LONG, 2.5)).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.LONG, "2.5")).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.LONG, "abc")).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.LONG, "9223372036854775808")).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.LONG, Double.NaN)).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.INT, true)).isSameAs(MISMATCH);
        assertThat(inferred(ColumnType.INT, "42"))
                .as("inferred columns never parse strings")
                .isSameAs(MISMATCH);
        assertThat(inferred(ColumnType.LONG, 5)).isEqualTo(5L);
        assertThat(inferred(ColumnType.INT, 5L))
                .as("a LONG value widens an INT column")
                .isSameAs(MISMATCH);
    }

    @Test
    void decimals() {
        ColumnType money = ColumnType.decimal(5, 2);
        assertThat(declared(money, "1.5")).isEqualTo(new BigDecimal("1.50"));
        assertThat(declared(money, 7)).isEqualTo(new BigDecimal("7.00"));
        assertThat(declared(money, 0.1)).isEqualTo(new BigDecimal("0.10"));
        assertThat(declared(money, "-999.99")).isEqualTo(new BigDecimal("-999.99"));
        assertThat(declared(money, "1000")).isSameAs(MISMATCH);
        assertThat(declared(money, "1.234")).isSameAs(MISMATCH);
        assertThat(declared(money, "1.230")).isEqualTo(new BigDecimal("1.23"));
        assertThat(declared(money, Double.POSITIVE_INFINITY)).isSameAs(MISMATCH);
        assertThat(inferred(ColumnType.decimal(20, 1), 5L)).isEqualTo(new BigDecimal("5.0"));
        assertThat(inferred(money, 5))
                .as("an INT may need more digits than DECIMAL(5,2) has")
                .isSameAs(MISMATCH);
    }

    @Test
    void booleansAndFloats() {
        assertThat(declared(ColumnType.BOOLEAN, "TRUE")).isEqualTo(true);
        assertThat(declared(ColumnType.BOOLEAN, "0")).isEqualTo(false);
        assertThat(declared(ColumnType.BOOLEAN, 1)).isEqualTo(true);
        assertThat(declared(ColumnType.BOOLEAN, 2)).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.BOOLEAN, "yes")).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.FLOAT, "1.5")).isEqualTo(1.5f);
        assertThat(declared(ColumnType.FLOAT, Float.NaN)).isEqualTo(Float.NaN);
        assertThat(declared(ColumnType.DOUBLE, "NaN")).isEqualTo(Double.NaN);
        assertThat(declared(ColumnType.DOUBLE, new BigDecimal("0.1"))).isEqualTo(0.1);
        assertThat(declared(ColumnType.DOUBLE, "x")).isSameAs(MISMATCH);
        assertThat(inferred(ColumnType.DOUBLE, 3)).isEqualTo(3.0);
        assertThat(inferred(ColumnType.FLOAT, 3.0)).isSameAs(MISMATCH);
    }

    @Test
    void datesAndTimes() {
        assertThat(declared(ColumnType.NAIVE_DATE, "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(declared(ColumnType.NAIVE_DATE, "2024-02-29T10:00:00")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(declared(ColumnType.NAIVE_DATE, "2023-02-29")).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.NAIVE_DATE, Instant.EPOCH)).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.NAIVE_DATETIME, "2024-01-01T10:00")).isEqualTo(micros("2024-01-01T10:00:00Z"));
        assertThat(declared(ColumnType.NAIVE_DATETIME, "2024-01-01 10:00:00.5"))
                .isEqualTo(micros("2024-01-01T10:00:00.5Z"));
        assertThat(declared(ColumnType.NAIVE_DATETIME, "2024-01-01")).isEqualTo(micros("2024-01-01T00:00:00Z"));
        assertThat(declared(ColumnType.NAIVE_DATETIME, "2024-01-01T10:00:00Z")).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.UTC_DATETIME, "2024-01-01T10:00:00+01:00"))
                .isEqualTo(micros("2024-01-01T09:00:00Z"));
        assertThat(declared(ColumnType.UTC_DATETIME, "2024-01-01 10:00:00Z")).isEqualTo(micros("2024-01-01T10:00:00Z"));
        assertThat(declared(ColumnType.UTC_DATETIME, "2024-01-01")).isEqualTo(micros("2024-01-01T00:00:00Z"));
        assertThat(declared(ColumnType.UTC_DATETIME, "2024-01-01T10:00:00")).isSameAs(MISMATCH);
        assertThat(declared(
                        ColumnType.UTC_DATETIME,
                        ZonedDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneId.of("America/New_York"))))
                .isEqualTo(micros("2024-01-01T15:00:00Z"));
        assertThat(declared(ColumnType.UTC_DATETIME, OffsetDateTime.parse("1969-12-31T23:59:59.5Z")))
                .isEqualTo(-500_000L);
        assertThat(declared(ColumnType.UTC_DATETIME, new java.util.Date(1000))).isEqualTo(1_000_000L);
        assertThat(inferred(ColumnType.UTC_DATETIME, LocalDateTime.of(2024, 1, 1, 0, 0)))
                .isEqualTo(micros("2024-01-01T00:00:00Z"));
        assertThat(inferred(ColumnType.NAIVE_DATE, LocalDateTime.of(2024, 1, 1, 0, 0)))
                .isSameAs(MISMATCH);
        assertThat(ValueConverter.instantOfMicros(micros("2024-05-06T07:08:09.123456Z")))
                .isEqualTo(Instant.parse("2024-05-06T07:08:09.123456Z"));
    }

    record Point(int x, int y) {}

    @Test
    void textBinaryAndJson() {
        assertThat(declared(ColumnType.STRING, 5)).isEqualTo("5");
        assertThat(declared(ColumnType.STRING, new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(declared(ColumnType.STRING, Map.of("a", 1))).isEqualTo("{\"a\":1}");
        assertThat(declared(ColumnType.STRING, new byte[] {1, 2})).isEqualTo("AQI=");
        assertThat(declared(ColumnType.XML, "<a/>")).isEqualTo("<a/>");
        assertThat(declared(ColumnType.XML, 5)).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.BINARY, ByteBuffer.wrap(new byte[] {1, 2, 3}, 1, 2)))
                .isEqualTo(new byte[] {2, 3});
        assertThat(declared(ColumnType.BINARY, "AQI=")).isSameAs(MISMATCH);
        assertThat(declared(ColumnType.JSON, " {\"a\": 1} ")).isEqualTo("{\"a\": 1}");
        assertThat(declared(ColumnType.JSON, "[1,2]")).isEqualTo("[1,2]");
        assertThat(declared(ColumnType.JSON, "{not json")).isEqualTo("\"{not json\"");
        assertThat(declared(ColumnType.JSON, "text")).isEqualTo("\"text\"");
        assertThat(declared(ColumnType.JSON, 5)).isEqualTo("5");
        assertThat(declared(ColumnType.JSON, List.of(new Point(1, 2)))).isEqualTo("[{\"x\":1,\"y\":2}]");
        assertThat(declared(ColumnType.JSON, Map.of("at", Instant.parse("2024-01-01T00:00:00Z"))))
                .isEqualTo("{\"at\":\"2024-01-01T00:00:00Z\"}");
        assertThat(inferred(ColumnType.JSON, "text"))
                .as("a string widens a JSON column to STRING")
                .isSameAs(MISMATCH);
    }
}
