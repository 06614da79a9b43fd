package dev.sluice.examples.quickstart;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.ConfigurationException;
import java.time.Instant;
import java.util.List;

/**
 * The emulated shop's API, without a network: a change feed per resource, paged by an
 * {@code updatedAt} cursor, as of the end of one simulated day. A real connector would make an
 * HTTP call where this class reads the simulation.
 *
 * <p>Configuration: {@code seed} (default 42) makes another shop; {@code customers} (default
 * 500) sets its size.
 */
final class ShopApi {

    private final ShopSimulation simulation;
    private final long today;

    private ShopApi(ShopSimulation simulation, long today) {
        this.simulation = simulation;
        this.today = today;
    }

    /**
     * @param configuration the connection's configuration
     * @param today the simulated day: the API shows every change up to its end
     * @return the shop as of that day
     */
    static ShopApi connect(Configuration configuration, long today) {
        long seed = configuration.getLong("seed", 42);
        int customers = configuration.getInt("customers", 500);
        if (customers < 1 || customers > 20_000) {
            throw new ConfigurationException("Configuration key 'customers' must be between 1 and 20000, not "
                    + customers + ": fix it in " + configuration.source());
        }
        return new ShopApi(new ShopSimulation(seed, customers), today);
    }

    /** @return the end of the simulated day this API shows */
    Instant now() {
        return ShopClock.endOf(today);
    }

    /**
     * @param resource {@code customers} or {@code orders}
     * @param after the cursor: only changes with a later {@code updatedAt} are returned
     * @param limit the page size
     * @return up to {@code limit} changes after the cursor, oldest first
     */
    Page changes(String resource, Instant after, int limit) {
        List<Change> feed = simulation.feed(resource, today);
        int from = firstAfter(feed, after);
        int to = Math.min(feed.size(), from + limit);
        return new Page(List.copyOf(feed.subList(from, to)), to < feed.size());
    }

    private static int firstAfter(List<Change> feed, Instant after) {
        int low = 0;
        int high = feed.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (feed.get(middle).updatedAt().isAfter(after)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
