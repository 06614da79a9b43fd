package dev.sluice.protocol;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every type, declared and inferred, and every operation, over two syncs: the second resumes from
 * the first's state, widens a column, adds one and truncates.
 */
public final class KitchenSinkConnector implements Connector {

    /** A Java record upserted as a row. */
    public record Point(int id, String label, double x) {}

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(
                Table.named("typed")
                        .primaryKey("id")
                        .column("id", DataType.LONG)
                        .column("flag", DataType.BOOLEAN)
                        .column("small", DataType.SHORT)
                        .column("medium", DataType.INT)
                        .decimalColumn("price", 12, 2)
                        .column("ratio", DataType.FLOAT)
                        .column("measure", DataType.DOUBLE)
                        .column("day", DataType.NAIVE_DATE)
                        .column("local_time", DataType.NAIVE_DATETIME)
                        .column("instant", DataType.UTC_DATETIME)
                        .column("payload", DataType.BINARY)
                        .column("doc", DataType.XML)
                        .column("name", DataType.STRING)
                        .column("attributes", DataType.JSON)
                        .build(),
                Table.named("points").primaryKey("id").build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        long round = state.getLong("round", 0);
        if (round == 0) {
            operations.truncate("typed");
            for (long id = 1; id <= 250; id++) {
                operations.upsert("typed", typedRow(id));
                operations.upsert("loose", looseRow(id));
            }
            operations.checkpoint(state.put("round", 1).put("cursor", "2024-01-01T00:00:00Z"));
            operations.warning("Heads up: row 3 looks odd");
            operations.update("typed", Map.of("id", 1L, "name", "renamed", "small", "7"));
            operations.delete("typed", Map.of("id", 2L));
            operations.update("typed", Map.of("id", 99_999L, "name", "unknown key: ignored"));
            operations.upsert("points", new Point(1, "origin", 0.0));
            operations.upsert("points", new Point(2, "unit", 1.5));
            operations.checkpoint(state.put("round", 1).put("done", true));
        } else {
            Map<String, Object> wide = looseRow(1000);
            wide.put("count", 5_000_000_000L);
            wide.put("added_later", "new column");
            operations.truncate("loose");
            operations.upsert("loose", wide);
            operations.upsert("typed", typedRow(1));
            operations.delete("points", Map.of("id", 2));
            operations.checkpoint(state.put("round", round + 1));
        }
    }

    static Map<String, Object> typedRow(long id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("flag", id % 2 == 0);
        row.put("small", (short) (id % 100));
        row.put("medium", (int) id * 3);
        row.put("price", new BigDecimal(id + ".5"));
        row.put("ratio", id / 4f);
        row.put("measure", id * 1.25);
        row.put("day", LocalDate.of(2024, 1, 1).plusDays(id));
        row.put(
                "local_time",
                LocalDateTime.of(2024, 1, 1, 12, 30, 15, 123_456_000).plusMinutes(id));
        row.put("instant", Instant.parse("2024-03-01T10:00:00.654321Z").plusSeconds(id));
        row.put("payload", new byte[] {1, 2, (byte) id});
        row.put("doc", "<a id=\"" + id + "\"/>");
        row.put("name", id % 10 == 0 ? null : "name " + id);
        row.put("attributes", Map.of("k", id, "list", List.of(1, 2)));
        return row;
    }

    static Map<String, Object> looseRow(long id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", "c" + id);
        row.put("count", (int) id);
        row.put("tiny", (short) 3);
        row.put("f", 0.5f);
        row.put("d", id * 0.1);
        row.put("amount", new BigDecimal("12.50"));
        row.put("ok", id % 3 == 0);
        row.put("day", LocalDate.of(2023, 12, 31));
        row.put("wall", LocalDateTime.of(2023, 12, 31, 23, 59, 59));
        row.put("at", OffsetDateTime.of(2023, 12, 31, 23, 0, 0, 0, ZoneOffset.ofHours(2)));
        row.put("bytes", new byte[] {9, 8});
        row.put("nested", Map.of("a", List.of(1, 2, 3), "b", Map.of("c", "d")));
        row.put("tags", List.of("x", "y"));
        row.put("maybe", id % 2 == 0 ? null : "odd");
        row.put("big", new java.math.BigInteger("123456789012345678901234567890"));
        return row;
    }
}
