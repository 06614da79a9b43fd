package dev.sluice.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ConnectorContractTest;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ExpectedSync;
import dev.sluice.testkit.OperationCounts;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * An incremental sync of a shop that moves on one simulated day at each sync: the first sync loads
 * its history, the second one day's new rows, updates and deletes.
 */
class QuickstartConnectorTest extends ConnectorContractTest {

    /** A smaller shop than configuration.json's, for the checks that sync many times. */
    private static final Map<String, String> SMALL_SHOP = Map.of("seed", "42", "customers", "200");

    private Map<Object, Map<String, Object>> ordersBefore;

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(QuickstartConnector::new).configuration(SMALL_SHOP);
    }

    @Override
    protected ExpectedSync firstSync() {
        return ExpectedSync.expect()
                .checkpoints(2 + 6 + 1) // a page of 100 each, and the end
                .operations(OperationCounts.onlyUpserts(2322)) // 200 customers, 600 orders and their 1,522 lines
                .keys("customers", "id", ids(200))
                .keys("orders", "id", ids(600))
                .and(tester -> assertThat(tester.tables()).containsExactly("customers", "order_items", "orders"))
                .and(tester -> {
                    assertThat(tester.state().getLong("day", -1)).isZero();
                    assertThat(tester.state().getInstant("customers_updated_at"))
                            .isBefore(ShopClock.endOf(0));
                });
    }

    @Override
    protected void changeSource() {
        // The shop changes by itself: each sync reads the next simulated day. Remember the orders.
        ordersBefore = byId(tester().rows("orders"));
    }

    @Override
    protected ExpectedSync secondSync() {
        return ExpectedSync.expect()
                .checkpoints(1 + 1 + 1) // a page of each feed, and the end
                .operations(OperationCounts.of(79, 16, 1)) // new and replaced rows, status changes, a deleted customer
                .keys("customers", "id", ids(200 + 4)) // 4 new customers, the deleted one soft-deleted
                .and(tester -> assertThat(tester.liveRows("customers")).hasSize(200 + 4 - 1))
                .and(QuickstartConnectorTest::aDeletedCustomerKeepsItsValues)
                .and(this::anUpdateMovesAnOrderToItsNextStatusAndKeepsTheOtherColumns)
                .and(tester -> {
                    assertThat(tester.state().getLong("day", -1)).isEqualTo(1);
                    assertThat(tester.state().get("day_complete")).isEqualTo(true);
                    assertThat(tester.state().getInstant("customers_updated_at"))
                            .isAfter(ShopClock.endOf(0))
                            .isBefore(ShopClock.endOf(1));
                    assertThat(tester.state().getInstant("orders_updated_at")).isEqualTo(latest(tester.rows("orders")));
                });
    }

    @Test
    void theProjectsConfigurationLoadsTheShopsHistoryWithItsTypes() {
        try (ConnectorTester tester =
                ConnectorTester.of(QuickstartConnector::new).configurationFile(Path.of("configuration.json"))) {
            assertThat(tester.sync().assertSucceeded().checkpoints())
                    .as("a page of 100 each, and the end")
                    .isEqualTo(5 + 15 + 1);

            assertThat(tester.tables()).containsExactly("customers", "order_items", "orders");
            assertThat(tester.rows("customers")).hasSize(500);
            assertThat(tester.rows("orders")).hasSize(1500);
            assertThat(tester.rows("order_items")).hasSizeBetween(1500, 6000);

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
    void anInterruptedSyncResumesWithinTheSameDay() {
        tester().syncStoppingAfterCheckpoint(3).assertFailed();
        assertThat(tester().state().get("day_complete")).isEqualTo(false);

        tester().sync().assertSucceeded();

        assertThat(tester().state().getLong("day", -1))
                .as("still the first day")
                .isZero();
        assertThat(tester().rows("orders")).hasSize(600);
    }

    private static void aDeletedCustomerKeepsItsValues(ConnectorTester tester) {
        Map<String, Object> deleted = tester.rows("customers").stream()
                .filter(row -> Boolean.TRUE.equals(row.get("_fivetran_deleted")))
                .findFirst()
                .orElseThrow();
        assertThat(deleted.get("email"))
                .as("a soft-deleted row keeps its values")
                .isNotNull();
    }

    private void anUpdateMovesAnOrderToItsNextStatusAndKeepsTheOtherColumns(ConnectorTester tester) {
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

    /** @return the ids 1 to count: the shop numbers its customers and orders */
    private static List<Long> ids(long count) {
        return LongStream.rangeClosed(1, count).boxed().toList();
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
