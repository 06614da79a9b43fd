package dev.sluice.engine;

import static dev.sluice.engine.SyncHarness.r;
import static dev.sluice.engine.SyncHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sdk.DataType;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 14 declared types, inference from Java values, NULL-only columns, widening and declared-type errors. */
class TypesIT {

    private static final Table TYPED = Table.named("typed")
            .primaryKey("id")
            .column("id", DataType.LONG)
            .column("b", DataType.BOOLEAN)
            .column("s", DataType.SHORT)
            .column("i", DataType.INT)
            .column("l", DataType.LONG)
            .decimalColumn("d", 12, 2)
            .column("f", DataType.FLOAT)
            .column("db", DataType.DOUBLE)
            .column("nd", DataType.NAIVE_DATE)
            .column("ndt", DataType.NAIVE_DATETIME)
            .column("ut", DataType.UTC_DATETIME)
            .column("bin", DataType.BINARY)
            .column("x", DataType.XML)
            .column("str", DataType.STRING)
            .column("j", DataType.JSON)
            .build();

    private static final String READ_TYPED = "SELECT id, b, s, i, l, d::VARCHAR AS d, f, db, nd::VARCHAR AS nd,"
            + " ndt::VARCHAR AS ndt, epoch_us(ut) AS ut, hex(bin) AS bin, x, str, j,"
            + " json_extract_string(j, '$.a') AS ja, json_array_length(j, '$.b')::INTEGER AS jb FROM tester.typed ORDER BY id";

    @TempDir
    Path dir;

    static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static long micros(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    @Test
    void eachDeclaredTypeLandsWithItsDuckdbTypeAndValue() {
        SyncHarness h = new SyncHarness(dir);
        h.ok(List.of(TYPED), (s, op) -> {
            op.upsert(
                    "typed",
                    row(
                            "id",
                            1,
                            "b",
                            true,
                            "s",
                            (short) 12,
                            "i",
                            42,
                            "l",
                            1L << 40,
                            "d",
                            new BigDecimal("1234.5"),
                            "f",
                            1.5f,
                            "db",
                            2.25,
                            "nd",
                            LocalDate.of(2024, 2, 29),
                            "ndt",
                            LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000),
                            "ut",
                            OffsetDateTime.parse("2024-02-29T13:14:15.5+02:00"),
                            "x",
                            "<a>1</a>",
                            "str",
                            "héllo ☃",
                            "j",
                            row("a", 1, "b", List.of(1, 2))));
            op.upsert("typed", row("id", 2));
        });
        assertThat(h.columnTypes("typed"))
                .containsExactlyEntriesOf(ordered(
                        "id",
                        "BIGINT",
                        "b",
                        "BOOLEAN",
                        "s",
                        "SMALLINT",
                        "i",
                        "INTEGER",
                        "l",
                        "BIGINT",
                        "d",
                        "DECIMAL(12,2)",
                        "f",
                        "FLOAT",
                        "db",
                        "DOUBLE",
                        "nd",
                        "DATE",
                        "ndt",
                        "TIMESTAMP",
                        "ut",
                        "TIMESTAMP WITH TIME ZONE",
                        "bin",
                        "BLOB",
                        "x",
                        "VARCHAR",
                        "str",
                        "VARCHAR",
                        "j",
                        "VARCHAR",
                        "_fivetran_synced",
                        "TIMESTAMP WITH TIME ZONE",
                        "_fivetran_deleted",
                        "BOOLEAN"));
        assertThat(h.rows(READ_TYPED))
                .containsExactly(
                        r(
                                1L,
                                true,
                                (short) 12,
                                42,
                                1L << 40,
                                "1234.50",
                                1.5f,
                                2.25,
                                "2024-02-29",
                                "2024-02-29 13:14:15.123456",
                                micros("2024-02-29T11:14:15.5Z"),
                                null,
                                "<a>1</a>",
                                "héllo ☃",
                                "{\"a\":1,\"b\":[1,2]}",
                                "1",
                                2),
                        r(
                                2L, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                                null, null));
        assertThat(h.rows("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'typed'"
                        + " AND column_name IN ('j', 'x', 'str') ORDER BY column_name"))
                .containsExactly(
                        // PostgreSQL keeps JSON as JSONB, so only XML (as TEXT) needs the comment
                        r("j", h.postgres() ? null : "sluice:JSON"),
                        r("str", null),
                        r("x", h.postgres() ? "sluice:{\"type\":\"XML\"}" : "sluice:XML"));
    }

    @Test
    void declaredValuesGivenAsStringsAreParsed() {
        SyncHarness h = new SyncHarness(dir);
        h.ok(List.of(TYPED), (s, op) -> {
            op.upsert(
                    "typed",
                    row(
                            "id",
                            "1",
                            "b",
                            "true",
                            "s",
                            "12",
                            "i",
                            " 42 ",
                            "l",
                            "1099511627776",
                            "d",
                            "1234.5",
                            "f",
                            "1.5",
                            "db",
                            "2.25",
                            "nd",
                            "2024-02-29",
                            "ndt",
                            "2024-02-29 13:14:15.123456",
                            "ut",
                            "2024-02-29T13:14:15.5+02:00",
                            "x",
                            "<a>1</a>",
                            "str",
                            5,
                            "j",
                            "{\"a\":1,\"b\":[1,2]}"));
            op.upsert(
                    "typed",
                    row(
                            "id",
                            2L,
                            "b",
                            0,
                            "i",
                            7L,
                            "d",
                            3,
                            "f",
                            2,
                            "db",
                            new BigDecimal("0.1"),
                            "nd",
                            LocalDateTime.of(2024, 3, 1, 23, 59),
                            "ndt",
                            "2024-03-01T01:02:03",
                            "ut",
                            "2024-03-01",
                            "str",
                            new BigDecimal("1.50"),
                            "j",
                            "[1, 2]"));
            op.upsert(
                    "typed",
                    row(
                            "id",
                            3,
                            "b",
                            "FALSE",
                            "ut",
                            "2024-03-01T00:00:00Z",
                            "ndt",
                            LocalDate.of(2024, 3, 2),
                            "j",
                            "just text",
                            "str",
                            true));
            op.upsert(
                    "typed",
                    row("id", 4, "ut", LocalDateTime.of(2024, 3, 1, 10, 0), "j", List.of("x"), "str", List.of(1, 2)));
            op.upsert(
                    "typed",
                    row(
                            "id",
                            5,
                            "ut",
                            ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")),
                            "j",
                            new Holder("k", 1)));
        });
        assertThat(h.rows("SELECT id, b, s, i, l, d::VARCHAR, f, db, nd::VARCHAR, ndt::VARCHAR, epoch_us(ut), x, str, j"
                        + " FROM tester.typed ORDER BY id"))
                .containsExactly(
                        r(
                                1L,
                                true,
                                (short) 12,
                                42,
                                1L << 40,
                                "1234.50",
                                1.5f,
                                2.25,
                                "2024-02-29",
                                "2024-02-29 13:14:15.123456",
                                micros("2024-02-29T11:14:15.5Z"),
                                "<a>1</a>",
                                "5",
                                "{\"a\":1,\"b\":[1,2]}"),
                        r(
                                2L,
                                false,
                                null,
                                7,
                                null,
                                "3.00",
                                2.0f,
                                0.1,
                                "2024-03-01",
                                "2024-03-01 01:02:03",
                                micros("2024-03-01T00:00:00Z"),
                                null,
                                "1.50",
                                // JSON given as text: DuckDB keeps the text, PostgreSQL's JSONB its value
                                h.postgres() ? "[1,2]" : "[1, 2]"),
                        r(
                                3L,
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "2024-03-02 00:00:00",
                                micros("2024-03-01T00:00:00Z"),
                                null,
                                "true",
                                "\"just text\""),
                        r(
                                4L,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                micros("2024-03-01T10:00:00Z"),
                                null,
                                "[1,2]",
                                "[\"x\"]"),
                        r(
                                5L,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                micros("2024-07-01T10:00:00Z"),
                                null,
                                null,
                                // JSONB orders an object's keys, shorter ones first
                                h.postgres() ? "{\"n\":1,\"name\":\"k\"}" : "{\"name\":\"k\",\"n\":1}"));
    }

    @Test
    void binaryValuesLandAsBlobs() {
        SyncHarness h = new SyncHarness(dir);
        h.ok(List.of(TYPED), (s, op) -> {
            op.upsert("typed", row("id", 1, "bin", new byte[] {0, 1, 2, (byte) 255}));
            op.upsert("typed", row("id", 2, "bin", java.nio.ByteBuffer.wrap(new byte[] {9})));
            op.upsert("blobs", row("id", 1, "bytes", new byte[] {10, 20}));
            op.upsert("blobs", row("id", 2, "bytes", new byte[0]));
        });
        assertThat(h.rows("SELECT id, hex(bin) FROM tester.typed ORDER BY id"))
                .containsExactly(r(1L, "000102FF"), r(2L, "09"));
        assertThat(h.columnTypes("blobs")).containsEntry("bytes", "BLOB");
        assertThat(h.rows("SELECT id, hex(bytes) FROM tester.blobs ORDER BY id"))
                .containsExactly(r(1, "0A14"), r(2, ""));
    }

    record Holder(String name, int n) {}

    @Test
    void oddStringValuesLandUnchanged() {
        SyncHarness h = new SyncHarness(dir);
        List<String> values = new java.util.ArrayList<>(List.of(
                "it's",
                "\"quoted\"",
                "line\nbreak\ttab",
                "back\\slash",
                "'; DROP TABLE x; --",
                "emoji 🎉 and 漢字",
                "",
                " ",
                "nul\u0000byte",
                "x".repeat(100_000)));
        if (h.postgres()) {
            // PostgreSQL's text cannot hold NUL: the sync fails, naming the table and column
            assertThat(h.fails(List.of(TYPED), (s, op) -> op.upsert("typed", row("id", 1, "str", "nul\u0000byte"))))
                    .contains("'typed'")
                    .contains("'str'")
                    .contains("NUL");
            values.remove("nul\u0000byte");
        }
        h.ok(List.of(TYPED), (s, op) -> {
            for (int i = 0; i < values.size(); i++) {
                op.upsert("typed", row("id", i, "str", values.get(i), "x", values.get(i)));
            }
        });
        List<List<Object>> expected = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            expected.add(r((long) i, values.get(i), values.get(i)));
        }
        assertThat(h.rows("SELECT id, str, x FROM tester.typed ORDER BY id")).isEqualTo(expected);
    }

    @Test
    void floatsKeepNanAndInfinity() {
        SyncHarness h = new SyncHarness(dir);
        h.ok(List.of(TYPED), (s, op) -> {
            op.upsert("typed", row("id", 1, "f", Float.NaN, "db", Double.POSITIVE_INFINITY));
            op.upsert("free", row("v", Double.NaN));
        });
        assertThat(h.rows("SELECT isnan(f), isinf(db) FROM tester.typed")).containsExactly(r(true, true));
        assertThat(h.rows("SELECT isnan(v) FROM tester.free")).containsExactly(r(true));
        assertThat(h.columnTypes("free")).containsEntry("v", "DOUBLE");
    }

    @Test
    void timestampsKeepMicrosecondsAndDropNanoseconds() {
        SyncHarness h = new SyncHarness(dir);
        h.ok(
                List.of(TYPED),
                (s, op) -> op.upsert(
                        "typed",
                        row(
                                "id",
                                1,
                                "ut",
                                Instant.parse("2024-01-01T00:00:00.123456789Z"),
                                "ndt",
                                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000))));
        assertThat(h.rows("SELECT epoch_us(ut), ndt::VARCHAR FROM tester.typed"))
                .containsExactly(r(micros("2024-01-01T00:00:00.123456Z"), "1969-12-31 23:59:59.999999"));
    }

    record Address(String city, int zip) {}

    @Test
    void undeclaredColumnsAreInferredFromJavaValues() {
        SyncHarness h = new SyncHarness(dir);
        h.ok((s, op) -> op.upsert(
                "inferred",
                row(
                        "bool",
                        true,
                        "short",
                        (short) 3,
                        "int",
                        4,
                        "long",
                        5L,
                        "float",
                        1.25f,
                        "double",
                        2.5,
                        "decimal",
                        new BigDecimal("12.345"),
                        "string",
                        "s",
                        "date",
                        LocalDate.of(2024, 1, 2),
                        "datetime",
                        LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                        "instant",
                        Instant.parse("2024-01-02T03:04:05Z"),
                        "offset",
                        OffsetDateTime.parse("2024-01-02T03:04:05-01:00"),
                        "zoned",
                        ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneId.of("Asia/Tokyo")),
                        "map",
                        Map.of("k", "v"),
                        "list",
                        List.of(1, 2, 3),
                        "record",
                        new Address("Paris", 75001),
                        "nested",
                        Map.of("a", List.of(Map.of("b", true))))));
        assertThat(h.columnTypes("inferred"))
                .containsAllEntriesOf(Map.ofEntries(
                        Map.entry("bool", "BOOLEAN"),
                        Map.entry("short", "SMALLINT"),
                        Map.entry("int", "INTEGER"),
                        Map.entry("long", "BIGINT"),
                        Map.entry("float", "FLOAT"),
                        Map.entry("double", "DOUBLE"),
                        Map.entry("decimal", "DECIMAL(5,3)"),
                        Map.entry("string", "VARCHAR"),
                        Map.entry("date", "DATE"),
                        Map.entry("datetime", "TIMESTAMP"),
                        Map.entry("instant", "TIMESTAMP WITH TIME ZONE"),
                        Map.entry("offset", "TIMESTAMP WITH TIME ZONE"),
                        Map.entry("zoned", "TIMESTAMP WITH TIME ZONE"),
                        Map.entry("map", "VARCHAR"),
                        Map.entry("list", "VARCHAR"),
                        Map.entry("record", "VARCHAR"),
                        Map.entry("nested", "VARCHAR")));
        assertThat(h.rows(
                        "SELECT \"bool\", \"short\", \"int\", \"long\", \"float\", \"double\", \"decimal\"::VARCHAR, \"string\","
                                + " \"date\"::VARCHAR, \"datetime\"::VARCHAR, epoch_us(\"instant\"), epoch_us(\"offset\"), epoch_us(\"zoned\"),"
                                + " json_extract_string(\"map\", '$.k'), json_array_length(\"list\")::INTEGER,"
                                + " json_extract_string(\"record\", '$.city'), json_extract(\"record\", '$.zip')::INTEGER,"
                                + " json_extract(\"nested\", '$.a[0].b')::BOOLEAN FROM tester.inferred"))
                .containsExactly(r(
                        true,
                        (short) 3,
                        4,
                        5L,
                        1.25f,
                        2.5,
                        "12.345",
                        "s",
                        "2024-01-02",
                        "2024-01-02 03:04:05",
                        micros("2024-01-02T03:04:05Z"),
                        micros("2024-01-02T04:04:05Z"),
                        micros("2024-01-01T18:04:05Z"),
                        "v",
                        3,
                        "Paris",
                        75001,
                        true));
        assertThat(h.rows("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'inferred'"
                        + " AND comment IS NOT NULL ORDER BY column_name"))
                .containsExactlyElementsOf(
                        h.postgres()
                                ? List.of()
                                : List.of(
                                        r("list", "sluice:JSON"),
                                        r("map", "sluice:JSON"),
                                        r("nested", "sluice:JSON"),
                                        r("record", "sluice:JSON")));
        if (h.postgres()) {
            assertThat(h.rows("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'inferred'"
                            + " AND column_name IN ('list', 'map', 'nested', 'record') ORDER BY column_name"))
                    .containsExactly(r("list", "jsonb"), r("map", "jsonb"), r("nested", "jsonb"), r("record", "jsonb"));
        }
    }

    @Test
    void aColumnIsCreatedOnlyOnItsFirstNonNullValue() {
        SyncHarness h = new SyncHarness(dir);
        h.ok(
                List.of(Table.named("t")
                        .primaryKey("id")
                        .column("declared_but_empty", DataType.STRING)
                        .build()),
                (s, op) -> {
                    op.upsert("t", row("id", 1, "always_null", null, "later", null));
                    op.upsert("t", row("id", 2, "always_null", null));
                    op.upsert("nulls_only", row("a", 1, "never", null));
                });
        assertThat(h.columnTypes("t").keySet())
                .containsExactly("declared_but_empty", "id", "_fivetran_synced", "_fivetran_deleted");
        assertThat(h.columnTypes("nulls_only").keySet()).doesNotContain("never");

        h.ok((s, op) -> op.upsert("t", row("id", 3, "always_null", null, "later", 3.5)));
        assertThat(h.columnTypes("t")).containsEntry("later", "DOUBLE").doesNotContainKey("always_null");
        assertThat(h.rows("SELECT id, later FROM tester.t ORDER BY id"))
                .containsExactly(r(1L, null), r(2L, null), r(3L, 3.5));
    }

    @Test
    void wideningWithinASyncKeepsOldValues() {
        SyncHarness h = new SyncHarness(dir).flushRows(2);
        h.ok((s, op) -> {
            op.upsert("w", row("id", "1", "n", 1, "t", 7, "when", LocalDate.of(2024, 1, 2)));
            op.upsert("w", row("id", "2", "n", 1L << 40, "t", 8L, "when", LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
            op.upsert(
                    "w",
                    row(
                            "id",
                            "3",
                            "n",
                            new BigDecimal("1.5"),
                            "t",
                            "seven",
                            "when",
                            Instant.parse("2024-01-02T05:00:00Z")));
            op.upsert("w", row("id", "4", "n", 2.25, "t", 9.5));
        });
        assertThat(h.columnTypes("w"))
                .containsEntry("n", "DOUBLE")
                .containsEntry("t", "VARCHAR")
                .containsEntry("when", "TIMESTAMP WITH TIME ZONE");
        assertThat(h.rows("SELECT id, n, t, epoch_us(\"when\") FROM tester.w ORDER BY id"))
                .containsExactly(
                        r("1", 1.0, "7", micros("2024-01-02T00:00:00Z")),
                        r("2", 1099511627776.0, "8", micros("2024-01-02T03:04:05Z")),
                        r("3", 1.5, "seven", micros("2024-01-02T05:00:00Z")),
                        r("4", 2.25, "9.5", null));
    }

    @Test
    void wideningAcrossSyncsKeepsOldValues() {
        SyncHarness h = new SyncHarness(dir);
        h.ok((s, op) -> op.upsert("w", row("id", 1, "n", 1, "when", LocalDate.of(2024, 1, 2), "c", 5)));
        assertThat(h.columnTypes("w"))
                .containsEntry("n", "INTEGER")
                .containsEntry("when", "DATE")
                .containsEntry("c", "INTEGER");

        h.ok((s, op) -> op.upsert(
                "w", row("id", 2, "n", 1L << 40, "when", LocalDateTime.of(2024, 1, 2, 3, 4, 5), "c", "five")));
        assertThat(h.columnTypes("w"))
                .containsEntry("n", "BIGINT")
                .containsEntry("when", "TIMESTAMP")
                .containsEntry("c", "VARCHAR");

        h.ok((s, op) -> op.upsert(
                "w", row("id", 3, "n", new BigDecimal("1.5"), "when", Instant.parse("2024-01-02T05:00:00Z"))));
        assertThat(h.columnTypes("w"))
                .containsEntry("n", "DECIMAL(20,1)")
                .containsEntry("when", "TIMESTAMP WITH TIME ZONE");

        h.ok((s, op) -> op.upsert("w", row("id", 4, "n", 2.25, "when", LocalDate.of(2024, 1, 3), "c", 6)));
        assertThat(h.columnTypes("w")).containsEntry("n", "DOUBLE");

        h.ok((s, op) -> op.upsert("w", row("id", 5, "n", 7)));
        assertThat(h.rows("SELECT id, n, epoch_us(\"when\"), c FROM tester.w ORDER BY id"))
                .containsExactly(
                        r(1, 1.0, micros("2024-01-02T00:00:00Z"), "5"),
                        r(2, 1099511627776.0, micros("2024-01-02T03:04:05Z"), "five"),
                        r(3, 1.5, micros("2024-01-02T05:00:00Z"), null),
                        r(4, 2.25, micros("2024-01-03T00:00:00Z"), "6"),
                        r(5, 7.0, null, null));
        assertThat(h.columnTypes("w"))
                .containsEntry("n", "DOUBLE")
                .containsEntry("when", "TIMESTAMP WITH TIME ZONE")
                .containsEntry("c", "VARCHAR");
    }

    @Test
    void inferredDecimalsWidenTheirPrecisionAndScale() {
        SyncHarness h = new SyncHarness(dir);
        h.ok((s, op) -> {
            op.upsert("m", row("id", 1, "v", new BigDecimal("12.345")));
            op.upsert("m", row("id", 2, "v", new BigDecimal("123456.7")));
            op.upsert("m", row("id", 3, "v", 5));
        });
        assertThat(h.columnTypes("m")).containsEntry("v", "DECIMAL(13,3)");
        assertThat(h.rows("SELECT v::VARCHAR FROM tester.m ORDER BY id"))
                .containsExactly(r("12.345"), r("123456.700"), r("5.000"));
    }

    @Test
    void inferredJsonColumnStaysJsonInTheNextSync() {
        SyncHarness h = new SyncHarness(dir);
        h.ok((s, op) -> op.upsert("docs", row("id", 1, "doc", Map.of("a", 1))));
        h.ok((s, op) -> op.upsert("docs", row("id", 2, "doc", List.of(Map.of("a", 2)))));
        assertThat(h.rows("SELECT id, doc FROM tester.docs ORDER BY id"))
                .containsExactly(r(1, "{\"a\":1}"), r(2, "[{\"a\":2}]"));
        if (h.postgres()) {
            assertThat(h.value("SELECT data_type FROM duckdb_columns() WHERE table_name = 'docs'"
                            + " AND column_name = 'doc'"))
                    .isEqualTo("jsonb");
        } else {
            assertThat(h.value("SELECT comment FROM duckdb_columns() WHERE table_name = 'docs'"
                            + " AND column_name = 'doc'"))
                    .isEqualTo("sluice:JSON");
        }
    }

    @Test
    void aValueThatDoesNotFitADeclaredTypeFailsNamingTableColumnAndValue() {
        SyncHarness h = new SyncHarness(dir).flushRows(2);
        h.ok(List.of(TYPED), (s, op) -> {
            op.upsert("typed", row("id", 1, "i", 1));
            op.checkpoint(State.empty().put("at", 1));
        });
        Map<String, Object> bad = Map.of(
                "i",
                "forty-two",
                "s",
                40_000,
                "d",
                new BigDecimal("1.234"),
                "b",
                "maybe",
                "nd",
                "2024-02-30",
                "ut",
                "2024-02-29T10:00:00",
                "x",
                5,
                "bin",
                "AAEC");
        bad.forEach((column, value) -> {
            String message = h.fails(List.of(TYPED), (s, op) -> {
                op.upsert("typed", row("id", 2, "i", 2));
                op.upsert("typed", row("id", 3, "i", 3));
                op.upsert("typed", row("id", 4, column, value));
            });
            assertThat(message)
                    .as(column)
                    .contains("'typed'")
                    .contains("'" + column + "'")
                    .contains(String.valueOf(value))
                    .contains("declared");
            assertThat(h.rows("SELECT id, i FROM tester.typed ORDER BY id"))
                    .as(column)
                    .containsExactly(r(1L, 1));
            assertThat(h.stateJson()).isEqualTo("{\"at\":1}");
        });
        assertThat(h.columnTypes("typed")).containsEntry("i", "INTEGER").containsEntry("s", "SMALLINT");
    }

    @Test
    void aKeyValueThatDoesNotFitAnInferredKeyFails() {
        SyncHarness h = new SyncHarness(dir);
        List<Table> schema = List.of(Table.named("k").primaryKey("id").build());
        h.ok(schema, (s, op) -> op.upsert("k", row("id", 1, "v", "a")));
        assertThat(h.columnTypes("k")).containsEntry("id", "BIGINT");
        String message = h.fails(schema, (s, op) -> op.upsert("k", row("id", "x-1", "v", "b")));
        assertThat(message).contains("'k'").contains("'id'").contains("x-1").contains("primary-key");
        assertThat(h.rows("SELECT id, v FROM tester.k")).containsExactly(r(1L, "a"));
    }
}
