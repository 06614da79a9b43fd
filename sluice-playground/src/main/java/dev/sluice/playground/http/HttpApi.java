package dev.sluice.playground.http;

import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.Route;
import dev.sluice.playground.data.Dataset;
import dev.sluice.playground.data.Snapshot;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the playground's routes, guards (rate limit, injected failures) and error responses into Javalin. */
public final class HttpApi {

    /** Every route, in the order they are listed. */
    public static final List<Route> ROUTES = List.of(
            new Route(
                    "GET",
                    "/pagination/next_page_url",
                    "order_by, order_type, page, per_page, updated_since; next_page_url"),
            new Route("GET", "/pagination/page_number", "page, per_page, updated_since; total_pages"),
            new Route("GET", "/pagination/offset", "offset, limit, updated_since; total"),
            new Route("GET", "/pagination/keyset", "scroll_param, per_page, updated_since; opaque scroll_param"),
            new Route("GET", "/pagination/cursor", "cursor, limit, updated_since; next_cursor"),
            new Route("GET", "/pagination/link", "page, per_page; bare array, Link header rel=next/last"),
            new Route("GET", "/auth/api_key", "Authorization: apiKey <key> or ?api_key=; page of users"),
            new Route("GET", "/auth/http_basic", "Basic user:password; page of users"),
            new Route("GET", "/auth/http_bearer", "Authorization: Bearer <token>; page of users"),
            new Route("POST", "/auth/session_token/login", "JSON {username, password} -> {token, expires_in}"),
            new Route("GET", "/auth/session_token", "Authorization: Token <token>; page of users"),
            new Route("POST", "/oauth/token", "form grant_type=client_credentials|refresh_token"),
            new Route("GET", "/oauth/users", "Bearer access token; page, per_page"),
            new Route("GET", "/cursors/companies", "updated_since, page, per_page"),
            new Route("GET", "/cursors/{company_id}/departments", "updated_since, page, per_page"),
            new Route("GET", "/incremental/timestamp", "since (inclusive), limit; next_since, has_more"),
            new Route("GET", "/incremental/deletes", "since (inclusive), limit; deleted ids with deletedAt"),
            new Route("GET", "/export/csv", "users as CSV (text/csv), updated_since"),
            new Route("POST", "/admin/advance", "steps=N: apply N change steps"),
            new Route("GET", "/admin/state", "counts, steps and the simulated clock"),
            new Route("GET", "/", "this list as JSON"));

    private static final List<String> DATA_ROUTE_PREFIXES =
            List.of("/pagination/", "/auth/", "/oauth/users", "/cursors/", "/incremental/", "/export/");
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String HANDLED = "dev.sluice.playground.handled";

    private final Dataset dataset;
    private final PlaygroundOptions options;
    private final TokenBucket bucket;
    private final FailureInjector failures;

    /**
     * @param dataset the data to serve
     * @param options the settings
     */
    public HttpApi(Dataset dataset, PlaygroundOptions options) {
        this.dataset = dataset;
        this.options = options;
        this.bucket = options.rateLimit() > 0 ? new TokenBucket(options.rateLimit(), options.capacity()) : null;
        this.failures = new FailureInjector(options.failureRate(), options.seed());
    }

    /** @return a Javalin server, not started, on the options' host and port */
    public Javalin create() {
        return Javalin.create(this::configure);
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.jetty.host = options.host();
        config.jetty.port = options.port();
        config.requestLogger.http((ctx, ms) -> options.requestLog()
                .accept(String.format(
                        Locale.ROOT, "%s %s %d %.1fms", ctx.req().getMethod(), ctx.path(), ctx.statusCode(), ms)));
        config.routes.before(this::guard);
        config.routes.exception(ApiError.class, (error, ctx) -> {
            error.headers().forEach(ctx::header);
            Map<String, Object> body = JsonBodies.object("error", error.getMessage());
            body.putAll(error.extra());
            ctx.attribute(HANDLED, Boolean.TRUE);
            JsonBodies.respond(ctx, error.status(), body);
        });
        config.routes.exception(Exception.class, (error, ctx) -> {
            if (error instanceof HttpResponseException response) {
                JsonBodies.respond(ctx, response.getStatus(), JsonBodies.object("error", response.getMessage()));
                return;
            }
            LOG.error("{} {} failed", ctx.req().getMethod(), ctx.path(), error);
            JsonBodies.respond(ctx, 500, JsonBodies.object("error", "internal error of the playground: " + error));
        });
        config.routes.error(404, ctx -> {
            if (ctx.attribute(HANDLED) == null) {
                JsonBodies.respond(
                        ctx,
                        404,
                        JsonBodies.object(
                                "error",
                                "no route " + ctx.req().getMethod() + " " + ctx.path() + "; GET / lists the routes"));
            }
        });
        Supplier<Snapshot> supplier = dataset::snapshot;
        TokenStore sessions = new TokenStore(options.tokenTtl(), options.clock());
        new PaginationRoutes(supplier).register(config.routes);
        new AuthRoutes(supplier, sessions).register(config.routes);
        new OAuthRoutes(supplier, new TokenStore(options.tokenTtl(), options.clock())).register(config.routes);
        new CursorRoutes(supplier).register(config.routes);
        new IncrementalRoutes(supplier).register(config.routes);
        new ExportRoutes(supplier).register(config.routes);
        new AdminRoutes(dataset).register(config.routes);
        config.routes.get(
                "/",
                ctx -> JsonBodies.respond(
                        ctx,
                        JsonBodies.object(
                                "name",
                                "Sluice API playground",
                                "state",
                                AdminRoutes.state(dataset.snapshot()),
                                "routes",
                                ROUTES)));
    }

    private void guard(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/admin/")) {
            return;
        }
        if (bucket != null) {
            long retryAfter = bucket.acquire();
            if (retryAfter > 0) {
                throw new ApiError(
                        429,
                        "rate limit exceeded: at most " + options.rateLimit()
                                + " requests per second (bursts of " + options.capacity() + "); retry after "
                                + retryAfter + " s",
                        Map.of("retry_after", retryAfter),
                        Map.of("Retry-After", String.valueOf(retryAfter)));
            }
        }
        if (isDataRoute(ctx)) {
            int status = failures.draw();
            if (status != 0) {
                throw new ApiError(
                        status, "injected failure (--failure-rate " + options.failureRate() + "): retry the request");
            }
        }
    }

    private static boolean isDataRoute(Context ctx) {
        if (!"GET".equals(ctx.req().getMethod())) {
            return false;
        }
        String path = ctx.path();
        return DATA_ROUTE_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
