package dev.sluice.playground.http;

import dev.sluice.playground.data.Deletion;
import dev.sluice.playground.data.Snapshot;
import dev.sluice.playground.data.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Incremental feeds: {@code /incremental/timestamp} (users changed at or after {@code since}) and
 * {@code /incremental/deletes}. {@code next_since} is the last record's timestamp plus one
 * millisecond (timestamps are unique), so passing it back as {@code since} neither skips nor
 * repeats a record; with no data it echoes {@code since}.
 */
final class IncrementalRoutes {

    private final Supplier<Snapshot> data;

    IncrementalRoutes(Supplier<Snapshot> data) {
        this.data = data;
    }

    void register(RoutesConfig routes) {
        routes.get("/incremental/timestamp", ctx -> feed(ctx, data.get().users(), User::updatedAt));
        routes.get("/incremental/deletes", ctx -> feed(ctx, data.get().deletions(), Deletion::deletedAt));
    }

    private static <T> void feed(Context ctx, List<T> ordered, Function<T, Instant> timestamp) {
        Params params = new Params(ctx);
        Instant since = params.instant("since");
        int limit = params.pageSize("limit");
        List<T> matching = PageSlices.since(ordered, timestamp, since);
        List<T> page = PageSlices.slice(matching, 0, limit);
        Instant next = page.isEmpty()
                ? since
                : timestamp.apply(page.get(page.size() - 1)).plusMillis(1);
        JsonBodies.respond(
                ctx, JsonBodies.object("data", page, "next_since", next, "has_more", matching.size() > page.size()));
    }
}
