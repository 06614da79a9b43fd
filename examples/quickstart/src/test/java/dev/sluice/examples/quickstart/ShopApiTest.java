package dev.sluice.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.ConfigurationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emulated source alone, without the engine: deterministic, paged, incremental. */
class ShopApiTest {

    private static final Configuration SHOP = Configuration.of(Map.of("seed", "42", "customers", "200"));

    @Test
    void theHistoryHasTheConfiguredCustomersAndThreeOrdersEach() {
        ShopApi shop = ShopApi.connect(SHOP, 0);

        assertThat(readAll(shop, "customers")).hasSize(200).allMatch(change -> change.kind() == Change.Kind.SAVED);
        assertThat(readAll(shop, "orders")).hasSize(600);
    }

    @Test
    void theSameSeedGivesTheSameShopAndAnotherSeedAnotherShop() {
        List<Change> first = readAll(ShopApi.connect(SHOP, 2), "customers");
        List<Change> again = readAll(ShopApi.connect(SHOP, 2), "customers");
        List<Change> other =
                readAll(ShopApi.connect(Configuration.of(Map.of("seed", "7", "customers", "200")), 2), "customers");

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void pagesFollowTheCursorWithUniqueIncreasingTimestamps() {
        ShopApi shop = ShopApi.connect(SHOP, 3);
        Page first = shop.changes("orders", Instant.EPOCH, 100);
        Page second = shop.changes("orders", first.lastUpdatedAt(), 100);

        assertThat(first.changes()).hasSize(100);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.changes().get(0).updatedAt()).isAfter(first.lastUpdatedAt());
        List<Change> all = readAll(shop, "orders");
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).updatedAt()).isAfter(all.get(i - 1).updatedAt());
        }
    }

    @Test
    void eachDayBringsNewChangedAndDeletedRecords() {
        ShopApi shop = ShopApi.connect(SHOP, 1);
        List<Change> dayOneCustomers =
                shop.changes("customers", ShopClock.endOf(0), 1000).changes();
        List<Change> dayOneOrders =
                shop.changes("orders", ShopClock.endOf(0), 1000).changes();

        assertThat(dayOneCustomers).extracting(Change::kind).contains(Change.Kind.SAVED, Change.Kind.DELETED);
        assertThat(dayOneOrders).extracting(Change::kind).contains(Change.Kind.SAVED, Change.Kind.CHANGED);
        assertThat(dayOneCustomers)
                .allMatch(change -> change.updatedAt().isAfter(ShopClock.endOf(0))
                        && change.updatedAt().isBefore(ShopClock.endOf(1)));
        Change statusChange = dayOneOrders.stream()
                .filter(c -> c.kind() == Change.Kind.CHANGED)
                .findFirst()
                .orElseThrow();
        assertThat(statusChange.data())
                .containsKeys("id", "status", "updatedAt")
                .doesNotContainKeys("customerId", "total");
    }

    @Test
    void rejectsANonsenseSize() {
        Configuration none = Configuration.of(Map.of("customers", "0"));
        assertThatThrownBy(() -> ShopApi.connect(none, 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'customers'");
    }

    private static List<Change> readAll(ShopApi shop, String resource) {
        List<Change> all = new ArrayList<>();
        Instant cursor = Instant.EPOCH;
        Page page;
        do {
            page = shop.changes(resource, cursor, 100);
            all.addAll(page.changes());
            if (!page.changes().isEmpty()) {
                cursor = page.lastUpdatedAt();
            }
        } while (page.hasMore());
        return all;
    }
}
