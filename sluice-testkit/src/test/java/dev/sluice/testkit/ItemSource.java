package dev.sluice.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An in-memory source of items, each with the version of its last change; safe across threads. */
final class ItemSource {

    /**
     * @param id the item's key, from 1
     * @param name its name
     * @param version the source's change counter when the item last changed
     */
    record Item(long id, String name, long version) {}

    private final List<Item> items = new ArrayList<>();
    private long version;

    ItemSource(int count) {
        add(count);
    }

    /** Adds {@code count} items after the last one. */
    synchronized void add(int count) {
        for (int i = 0; i < count; i++) {
            long id = items.size() + 1L;
            items.add(new Item(id, "item-" + id, ++version));
        }
    }

    /** @return every item, by id */
    synchronized List<Item> all() {
        return List.copyOf(items);
    }

    /** @return the items changed after {@code seen}, oldest change first */
    synchronized List<Item> changedAfter(long seen) {
        return items.stream()
                .filter(item -> item.version() > seen)
                .sorted(Comparator.comparingLong(Item::version))
                .toList();
    }
}
