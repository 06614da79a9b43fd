package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeIT {

    @TempDir
    Path dir;

    @Test
    void upsertUpdateDeleteTruncate() {
        SyncHarness h = new SyncHarness(dir);
        SyncResult r = h.sync(
                List.of(Table.named("orders")
                        .primaryKey("id")
                        .decimalColumn("amount", 10, 2)
                        .build()),
                (s, op) -> {
                    op.upsert(
                            "orders",
                            Map.of(
                                    "id",
                                    1,
                                    "amount",
                                    new BigDecimal("1.5"),
                                    "customerName",
                                    "a",
                                    "at",
                                    Instant.parse("2024-01-01T00:00:00Z")));
                    op.upsert("orders", Map.of("id", 2, "amount", "2.25", "customerName", "b"));
                    op.update("orders", Map.of("id", 1, "customerName", "A"));
                    op.delete("orders", Map.of("id", 2));
                    op.upsert("hello", Map.of("message", "hi"));
                    op.upsert("hello", Map.of("message", "hi"));
                    op.checkpoint(State.empty().put("cursor", 5));
                });
        assertThat(r.failureMessage()).isNull();
        assertThat(r.succeeded()).isTrue();
        System.out.println(h.query("SELECT * FROM tester.orders ORDER BY id"));
        System.out.println(h.query("SELECT * FROM tester.hello"));
        assertThat(h.query("SELECT id, amount, customer_name, _fivetran_deleted FROM tester.orders ORDER BY id"))
                .containsExactly(
                        Map.of(
                                "id",
                                1L,
                                "amount",
                                new BigDecimal("1.50"),
                                "customer_name",
                                "A",
                                "_fivetran_deleted",
                                false),
                        Map.of(
                                "id",
                                2L,
                                "amount",
                                new BigDecimal("2.25"),
                                "customer_name",
                                "b",
                                "_fivetran_deleted",
                                true));
        assertThat(h.query("SELECT count(*) AS n FROM tester.hello")).containsExactly(Map.of("n", 1L));
    }
}
