package dev.sluice.playground.http;

import dev.sluice.playground.data.Snapshot;
import dev.sluice.playground.data.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The {@code /pagination/*} routes: the same users behind six kinds of pagination. */
final class PaginationRoutes {

    private static final String KEYSET = "keyset";
    private static final String CURSOR = "cursor";

    private final Supplier<Snapshot> data;

    PaginationRoutes(Supplier<Snapshot> data) {
        this.data = data;
    }

    void register(RoutesConfig routes) {
        routes.get("/pagination/next_page_url", this::nextPageUrl);
        routes.get(
                "/pagination/page_number",
                ctx -> JsonBodies.respond(
                        ctx, PageSlices.usersPage(new Params(ctx), data.get().users())));
        routes.get("/pagination/offset", this::offset);
        routes.get("/pagination/keyset", this::keyset);
        routes.get("/pagination/cursor", this::cursor);
        routes.get("/pagination/link", this::link);
    }

    private void nextPageUrl(Context ctx) {
        Params params = new Params(ctx);
        String orderBy = params.choice("order_by", "updatedAt", List.of("createdAt", "updatedAt"));
        String orderType = params.choice("order_type", "asc", List.of("asc", "desc"));
        int perPage = params.pageSize("per_page");
        int page = params.integer("page", 1, 1, Integer.MAX_VALUE);
        List<User> users = PageSlices.usersSince(data.get().users(), params.instant("updated_since"));
        Comparator<User> order = orderBy.equals("createdAt")
                ? Comparator.comparing(User::createdAt).thenComparing(User::id)
                : Snapshot.USER_ORDER;
        if (orderType.equals("desc")) {
            order = order.reversed();
        }
        List<User> sorted = new ArrayList<>(users);
        sorted.sort(order);
        boolean more = (long) page * perPage < sorted.size();
        String next = more ? Urls.absolute(ctx, Urls.query(ctx, Map.of("page", String.valueOf(page + 1)))) : null;
        JsonBodies.respond(
                ctx,
                JsonBodies.object(
                        "data",
                        PageSlices.slice(sorted, (long) (page - 1) * perPage, perPage),
                        "total_items",
                        sorted.size(),
                        "page",
                        page,
                        "per_page",
                        perPage,
                        "next_page_url",
                        next));
    }

    private void offset(Context ctx) {
        Params params = new Params(ctx);
        int offset = params.integer("offset", 0, 0, Integer.MAX_VALUE);
        int limit = params.pageSize("limit");
        List<User> users = PageSlices.usersSince(data.get().users(), params.instant("updated_since"));
        JsonBodies.respond(
                ctx,
                JsonBodies.object(
                        "data",
                        PageSlices.slice(users, offset, limit),
                        "offset",
                        offset,
                        "limit",
                        limit,
                        "total",
                        users.size()));
    }

    private void keyset(Context ctx) {
        Params params = new Params(ctx);
        int perPage = params.pageSize("per_page");
        String token = params.text("scroll_param");
        PositionToken after = token == null ? null : PositionToken.decode(KEYSET, "scroll_param", token);
        List<User> matching = PageSlices.usersSince(data.get().users(), params.instant("updated_since"));
        List<User> rest = after(matching, after);
        List<User> page = PageSlices.slice(rest, 0, perPage);
        String next = rest.size() > perPage ? position(page).encode(KEYSET) : null;
        JsonBodies.respond(ctx, JsonBodies.object("data", page, "total_count", matching.size(), "scroll_param", next));
    }

    private void cursor(Context ctx) {
        Params params = new Params(ctx);
        int limit = params.pageSize("limit");
        String token = params.text("cursor");
        PositionToken after = token == null ? null : PositionToken.decode(CURSOR, "cursor", token);
        List<User> rest = after(PageSlices.usersSince(data.get().users(), params.instant("updated_since")), after);
        List<User> page = PageSlices.slice(rest, 0, limit);
        String next = rest.size() > limit ? position(page).encode(CURSOR) : null;
        JsonBodies.respond(ctx, JsonBodies.object("data", page, "next_cursor", next));
    }

    private void link(Context ctx) {
        Params params = new Params(ctx);
        int page = params.integer("page", 1, 1, Integer.MAX_VALUE);
        int perPage = params.pageSize("per_page");
        List<User> users = PageSlices.usersSince(data.get().users(), params.instant("updated_since"));
        int last = Math.max(1, PageSlices.totalPages(users.size(), perPage));
        StringBuilder links = new StringBuilder();
        if (page < last) {
            links.append('<')
                    .append(Urls.absolute(ctx, Urls.query(ctx, Map.of("page", String.valueOf(page + 1)))))
                    .append(">; rel=\"next\", ");
        }
        links.append('<')
                .append(Urls.absolute(ctx, Urls.query(ctx, Map.of("page", String.valueOf(last)))))
                .append(">; rel=\"last\"");
        ctx.header("Link", links.toString());
        ctx.header("X-Total-Count", String.valueOf(users.size()));
        JsonBodies.respond(ctx, PageSlices.slice(users, (long) (page - 1) * perPage, perPage));
    }

    private static List<User> after(List<User> users, PositionToken after) {
        if (after == null) {
            return users;
        }
        return users.subList(
                PageSlices.firstIndex(users, user -> after.before(user.updatedAt(), user.id())), users.size());
    }

    private static PositionToken position(List<User> page) {
        User last = page.get(page.size() - 1);
        return new PositionToken(last.updatedAt(), last.id());
    }
}
