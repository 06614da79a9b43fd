package dev.sluice.examples.quickstart;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order of the emulated shop, with its lines.
 *
 * @param id the order's id
 * @param customerId who placed it
 * @param status pending, paid, shipped or delivered
 * @param items the order lines
 * @param tags free labels such as "gift"
 * @param placedOn the day it was placed
 * @param shippedAt when it left the warehouse, or null
 * @param updatedAt when the record last changed
 */
record Order(
        long id,
        long customerId,
        String status,
        List<Item> items,
        List<String> tags,
        LocalDate placedOn,
        Instant shippedAt,
        Instant updatedAt) {

    /** The statuses an order goes through, in order. */
    static final List<String> STATUSES = List.of("pending", "paid", "shipped", "delivered");

    /**
     * One order line.
     *
     * @param sku the product code
     * @param quantity how many
     * @param unitPrice price of one, in EUR
     */
    record Item(String sku, int quantity, BigDecimal unitPrice) {}

    /** @return the sum of the lines */
    BigDecimal total() {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Item item : items) {
            total = total.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
        }
        return total;
    }

    /** @return whether the order has reached its last status */
    boolean isDelivered() {
        return status.equals("delivered");
    }

    /**
     * @param at when the order moves on
     * @return the order in its next status; shipping sets {@code shippedAt}
     */
    Order advance(Instant at) {
        String next = STATUSES.get(STATUSES.indexOf(status) + 1);
        return new Order(id, customerId, next, items, tags, placedOn, next.equals("shipped") ? at : shippedAt, at);
    }

    /** @return the order as the shop's API returns it, lines nested under {@code items} */
    Map<String, Object> toApiRecord() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("customerId", customerId);
        record.put("status", status);
        record.put("total", total());
        record.put("currency", "EUR");
        record.put("itemCount", items.size());
        record.put("tags", tags);
        record.put("placedOn", placedOn);
        record.put("shippedAt", shippedAt);
        record.put("updatedAt", updatedAt);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineNumber", i + 1);
            line.put("sku", item.sku());
            line.put("quantity", item.quantity());
            line.put("unitPrice", item.unitPrice());
            lines.add(line);
        }
        record.put("items", lines);
        return record;
    }

    /** @return the fields a status change touches, as the API's status-change event gives them */
    Map<String, Object> statusChange() {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("id", id);
        change.put("status", status);
        if (status.equals("shipped")) {
            change.put("shippedAt", shippedAt);
        }
        change.put("updatedAt", updatedAt);
        return change;
    }
}
