package dev.sluice.playground.http;

import dev.sluice.playground.data.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Slices ordered lists into the pages the routes serve: the items since a timestamp (by binary
 * search), one page of them, and the {@code page_number} response shape. Stateless.
 */
final class PageSlices {

    private PageSlices() {}

    /**
     * @param items a random-access list ordered by {@code timestamp} ascending
     * @return the items whose timestamp is at or after {@code since} (all when it is null), in order: a view, found
     *     by binary search so that paging through a large list does not scan it once per page
     */
    static <T> List<T> since(List<T> items, Function<T, Instant> timestamp, Instant since) {
        return since == null
                ? items
                : items.subList(firstIndex(items, item -> !timestamp.apply(item).isBefore(since)), items.size());
    }

    /**
     * @param items a random-access list on which {@code test} is false up to some index and true from it on
     * @return that index: the first item passing the test, or the size when none does
     */
    static <T> int firstIndex(List<T> items, Predicate<T> test) {
        int low = 0;
        int high = items.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (test.test(items.get(middle))) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    static List<User> usersSince(List<User> users, Instant since) {
        return since(users, User::updatedAt, since);
    }

    static <T> List<T> slice(List<T> items, long from, int count) {
        if (from >= items.size()) {
            return List.of();
        }
        return items.subList((int) from, (int) Math.min(items.size(), from + count));
    }

    static int totalPages(int totalItems, int perPage) {
        return (totalItems + perPage - 1) / perPage;
    }

    /** The page_number shape: {@code {data, page, page_size, total_pages, total_items}}. */
    static Map<String, Object> pageNumber(List<?> items, int page, int perPage) {
        return JsonBodies.object(
                "data",
                slice(items, (long) (page - 1) * perPage, perPage),
                "page",
                page,
                "page_size",
                perPage,
                "total_pages",
                totalPages(items.size(), perPage),
                "total_items",
                items.size());
    }

    /** The page_number shape of the parameters {@code page}, {@code per_page} and {@code updated_since}. */
    static Map<String, Object> usersPage(Params params, List<User> users) {
        int page = params.integer("page", 1, 1, Integer.MAX_VALUE);
        int perPage = params.pageSize("per_page");
        return pageNumber(usersSince(users, params.instant("updated_since")), page, perPage);
    }
}
