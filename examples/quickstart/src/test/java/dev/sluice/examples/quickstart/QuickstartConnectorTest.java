package dev.sluice.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ResumeCheckOptions;
import dev.sluice.testkit.ResumeCheckReport;
import dev.sluice.testkit.SyncOutcome;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuickstartConnectorTest {

    /** A smaller shop than configuration.json's, for the tests that sync many times. */
    private static final Map<String, String> SMALL_SHOP = Map.of("seed", "42", "customers", "200");

    @Test
    void theFirstSyncLoadsTheShopsHistory() {
        try (ConnectorTester tester =
                ConnectorTester.of(new QuickstartConnector()).configurationFile(Path.of("configuration.json"))) {
            SyncOutcome first = tester.sync().assertSucceeded();

            assertThat(tester.tables()).containsExactly("customers", "order_items", "orders");
            assertThat(tester.rows("customers")).hasSize(500);
            assertThat(tester.rows("orders")).hasSize(1500);
            assertThat(tester.rows("order_items")).hasSizeBetween(1500, 6000);
            assertThat(first.checkpoints())
                    .as("a page of 100 each, and the end")
                    .isEqualTo(5 + 15 + 1);

            Map<String, Object> customer = tester.row("customers", "id", 1);
            assertThat(customer.get("email")).asString().endsWith(".1@example.com");
            assertThat(customer.get("lifetime_value")).isInstanceOf(BigDecimal.class);
            assertThat(((BigDecimal) customer.get("lifetime_value")).scale()).isEqualTo(2);
            assertThat(customer.get("created_at")).isInstanceOf(Instant.class);
            assertThat((Instant) customer.get("created_at")).isBefore(ShopClock.HISTORY_END);
            assertThat(customer.get("marketing_opt_in")).isInstanceOf(Boolean.class);
            assertThat(customer.get("address")).asString().contains("\"city\"", "\"postcode\"");
            assertThat(tester.columnTypes("customers"))
                    .containsEntry("id", "BIGINT")
                    .containsEntry("lifetime_value", "DECIMAL(12,2)")
                    .containsEntry("created_at", "TIMESTAMP WITH TIME ZONE")
                    .containsEntry("birth_date", "DATE");
            assertThat(tester.rows("customers"))
                    .extracting(row -> row.get("birth_date"))
                    .as("some customers keep their birth date to themselves")
                    .containsNull();

            Map<String, Object> order = tester.row("orders", "id", 1);
            assertThat(order.get("placed_on")).isInstanceOf(LocalDate.class);
            assertThat(order.get("tags")).asString().startsWith("[");
            assertThat(order.get("currency")).isEqualTo("EUR");
            assertThat(tester.columns("order_items"))
                    .contains("order_id", "line_number", "sku", "quantity", "unit_price", "_fivetran_id");
        }
    }

    @Test
    void theNextSyncAppliesOneDaysNewRowsUpdatesAndDeletes() {
        try (ConnectorTester tester =
                ConnectorTester.of(new QuickstartConnector()).configuration(SMALL_SHOP)) {
            tester.sync().assertSucceeded();
            Map<Object, Map<String, Object>> ordersBefore = byId(tester.rows("orders"));

            SyncOutcome second = tester.sync().assertSucceeded();

            assertThat(second.metrics().upserts()).isPositive();
            assertThat(second.metrics().updates()).isPositive();
            assertThat(second.metrics().deletes()).isEqualTo(1);
            assertThat(tester.rows("customers")).hasSize(200 + 4);
            assertThat(tester.liveRows("customers")).hasSize(200 + 4 - 1);

            Map<String, Object> deleted = tester.rows("customers").stream()
                    .filter(row -> Boolean.TRUE.equals(row.get("_fivetran_deleted")))
                    .findFirst()
                    .orElseThrow();
            assertThat(deleted.get("email"))
                    .as("a soft-deleted row keeps its values")
                    .isNotNull();

            Map<String, Object> moved = tester.rows("orders").stream()
                    .filter(row -> ordersBefore.containsKey(row.get("id")))
                    .filter(row -> !row.get("status")
                            .equals(ordersBefore.get(row.get("id")).get("status")))
                    .findFirst()
                    .orElseThrow();
            Map<String, Object> before = ordersBefore.get(moved.get("id"));
            int step = Order.STATUSES.indexOf(moved.get("status")) - Order.STATUSES.indexOf(before.get("status"));
            assertThat(step).as("an update moves an order to its next status").isEqualTo(1);
            assertThat(moved)
                    .as("an update keeps the columns it does not name")
                    .containsEntry("customer_id", before.get("customer_id"))
                    .containsEntry("total", before.get("total"))
                    .containsEntry("tags", before.get("tags"))
                    .containsEntry("placed_on", before.get("placed_on"));
            assertThat((Instant) moved.get("updated_at")).isAfter(ShopClock.endOf(0));
        }
    }

    @Test
    void theStateHoldsTheDayAndACursorPerFeed() {
        try (ConnectorTester tester =
                ConnectorTester.of(new QuickstartConnector()).configuration(SMALL_SHOP)) {
            tester.sync().assertSucceeded();
            assertThat(tester.state().getLong("day", -1)).isZero();
            assertThat(tester.state().getInstant("customers_updated_at")).isBefore(ShopClock.endOf(0));

            tester.sync().assertSucceeded();

            assertThat(tester.state().getLong("day", -1)).isEqualTo(1);
            assertThat(tester.state().get("day_complete")).isEqualTo(true);
            Instant customersCursor = tester.state().getInstant("customers_updated_at");
            assertThat(customersCursor).isAfter(ShopClock.endOf(0)).isBefore(ShopClock.endOf(1));
            assertThat(tester.state().getInstant("orders_updated_at")).isEqualTo(latest(tester.rows("orders")));
        }
    }

    @Test
    void anInterruptedSyncResumesWithinTheSameDay() {
        try (ConnectorTester tester =
                ConnectorTester.of(new QuickstartConnector()).configuration(SMALL_SHOP)) {
            tester.syncStoppingAfterCheckpoint(3).assertFailed();
            assertThat(tester.state().get("day_complete")).isEqualTo(false);

            tester.sync().assertSucceeded();

            assertThat(tester.state().getLong("day", -1))
                    .as("still the first day")
                    .isZero();
            assertThat(tester.rows("orders")).hasSize(600);
        }
    }

    @Test
    void resumesFromEveryCheckpointOfTheFirstSyncAndOfTheNext() {
        try (ConnectorTester tester =
                ConnectorTester.of(new QuickstartConnector()).configuration(SMALL_SHOP)) {
            ResumeCheckReport first = tester.assertResumesFromEveryCheckpoint();
            assertThat(first.referenceCheckpoints()).isEqualTo(2 + 6 + 1);

            tester.sync().assertSucceeded();
            ResumeCheckReport next = tester.assertResumesFromEveryCheckpoint(ResumeCheckOptions.fromCurrentState());
            assertThat(next.checkpointsChecked())
                    .isEqualTo(next.referenceCheckpoints())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    private static Map<Object, Map<String, Object>> byId(List<Map<String, Object>> rows) {
        Map<Object, Map<String, Object>> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.get("id"), row));
        return byId;
    }

    private static Instant latest(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(row -> (Instant) row.get("updated_at"))
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }
}
