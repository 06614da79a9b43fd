package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectedSyncTest {

    /** Item 1 of {@link TestConnectors#item}, named as the source names it. */
    record Item(long id, String name, BigDecimal price, boolean inStock, Instant createdAt) {}

    private static final Item FIRST =
            new Item(1, "item-1", new BigDecimal("0.25"), true, Instant.parse("2024-01-01T00:01:00Z"));

    @Test
    void recordsMatchTheirColumnsWhateverTheNaming() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            tester.sync().assertSucceeded();

            assertThatCode(() -> ExpectedSync.expect()
                            .records("items", "id", List.of(FIRST))
                            .assertMetBy(tester))
                    .doesNotThrowAnyException();
            Item renamed = new Item(1, "another", FIRST.price(), true, FIRST.createdAt());
            assertThatThrownBy(() -> ExpectedSync.expect()
                            .records("items", "id", List.of(renamed))
                            .assertMetBy(tester))
                    .hasMessageContaining(
                            "Sync 1: table 'items', row id = 1, column name: expected another but was item-1");
        }
    }

    @Test
    void keysNameTheMissingTheUnexpectedAndTheRepeated() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            tester.sync().assertSucceeded();

            assertThatThrownBy(() -> ExpectedSync.expect()
                            .keys("items", "name", List.of("item-0"))
                            .assertMetBy(tester))
                    .hasMessageContaining("1 keys expected, 1000 rows found; missing (1): [item-0]; unexpected (1000)");
            assertThatThrownBy(() -> ExpectedSync.expect()
                            .keys("items", "in_stock", List.of(true, false))
                            .assertMetBy(tester))
                    .hasMessageContaining("more than once (998)");
            assertThatThrownBy(() -> ExpectedSync.expect()
                            .rows("items", "id", List.of(Map.of("id", 1, "colour", "red")))
                            .assertMetBy(tester))
                    .hasMessageContaining("no column 'colour'");
        }
    }
}
