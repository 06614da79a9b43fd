package dev.sluice.examples.quickstart;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the shop's change feed, as an API such as Stripe's events or Shopify's webhooks
 * would give it.
 *
 * @param kind what happened
 * @param updatedAt when; unique within one resource's feed
 * @param data the record as the API returns it: the whole record for {@link Kind#SAVED}, the
 *     id and the changed fields for {@link Kind#CHANGED}, the id alone for {@link Kind#DELETED}
 */
record Change(Kind kind, Instant updatedAt, Map<String, Object> data) {

    /** What happened to a record. */
    enum Kind {
        /** Created or replaced: {@code data} is the whole record. */
        SAVED,
        /** Some fields changed: {@code data} holds the id and those fields only. */
        CHANGED,
        /** Deleted: {@code data} holds the id only. */
        DELETED
    }

    /** @return the record's id */
    long id() {
        return ((Number) data.get("id")).longValue();
    }
}
