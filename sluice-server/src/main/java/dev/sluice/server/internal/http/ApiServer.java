package dev.sluice.server.internal.http;

import dev.sluice.server.ServerStartException;
import dev.sluice.server.internal.apikey.ApiKeyStore;
import dev.sluice.server.internal.db.MetadataDatabase;
import dev.sluice.server.internal.db.Sql;
import dev.sluice.server.internal.destination.DestinationStore;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server's HTTP API on Javalin: every route, the API-key check of {@code /api/v1} and JSON errors. */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String ANSWERED = "dev.sluice.server.answered";

    private final List<ApiRoute> routes;
    private final Authenticator authenticator;
    private final Javalin javalin;

    /**
     * @param database the metadata database
     * @param keys the API keys
     * @param destinations the destinations
     * @param dataDir the data directory
     * @param host the address to listen on
     * @param port the port, 0 for a free one
     */
    public ApiServer(
            MetadataDatabase database,
            ApiKeyStore keys,
            DestinationStore destinations,
            Path dataDir,
            String host,
            int port) {
        this.authenticator = new Authenticator(keys);
        List<ApiRoute> all = new ArrayList<>();
        all.addAll(new HealthRoutes(database).routes());
        all.addAll(new OpenApiRoutes().routes());
        all.addAll(new ApiKeyRoutes(keys).routes());
        all.addAll(new DestinationRoutes(destinations, dataDir).routes());
        this.routes = List.copyOf(all);
        this.javalin = Javalin.create(config -> configure(config, host, port));
    }

    /**
     * Starts listening.
     *
     * @throws ServerStartException when the address cannot be bound, e.g. the port is taken
     */
    public void start() {
        try {
            javalin.start();
        } catch (RuntimeException e) {
            javalin.stop();
            throw new ServerStartException(
                    "Cannot listen on the address and port asked for: " + rootMessage(e)
                            + "; is the port in use? Choose another with --port (0 picks a free one)",
                    e);
        }
    }

    /** @return the port it listens on */
    public int port() {
        return javalin.port();
    }

    /** @return every route it serves, in registration order */
    List<ApiRoute> routes() {
        return routes;
    }

    /** Stops serving; requests under way finish first. */
    @Override
    public void close() {
        javalin.stop();
    }

    private void configure(JavalinConfig config, String host, int port) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.jetty.host = host;
        config.jetty.port = port;
        config.requestLogger.http((ctx, ms) -> LOG.info(String.format(
                Locale.ROOT, "%s %s %d %.1fms", ctx.req().getMethod(), ctx.path(), ctx.statusCode(), ms)));
        config.routes.exception(ApiError.class, (error, ctx) -> {
            Map<String, Object> body = Json.object("error", error.getMessage());
            if (error.field() != null) {
                body.put("field", error.field());
            }
            ctx.attribute(ANSWERED, Boolean.TRUE);
            Json.respond(ctx, error.status(), body);
        });
        config.routes.exception(Sql.MetadataException.class, (error, ctx) -> {
            LOG.error("{} {}: {}", ctx.req().getMethod(), ctx.path(), error.getMessage(), error);
            Json.respond(ctx, 503, Json.object("error", "the metadata database is unavailable; try again later"));
        });
        config.routes.exception(Exception.class, (error, ctx) -> {
            if (error instanceof HttpResponseException response) {
                Json.respond(ctx, response.getStatus(), Json.object("error", response.getMessage()));
                return;
            }
            LOG.error("{} {} failed", ctx.req().getMethod(), ctx.path(), error);
            Json.respond(ctx, 500, Json.object("error", "internal error of the server; see its log"));
        });
        config.routes.error(404, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                Json.respond(
                        ctx,
                        404,
                        Json.object(
                                "error",
                                "no route " + ctx.req().getMethod() + " " + ctx.path()
                                        + "; GET /api/v1/openapi.json lists them"));
            }
        });
        for (ApiRoute route : routes) {
            config.routes.addHttpHandler(handlerType(route.method()), route.path(), guarded(route));
        }
    }

    private Handler guarded(ApiRoute route) {
        if (!route.authenticated()) {
            return route.handler();
        }
        return ctx -> {
            authenticator.check(ctx);
            route.handler().handle(ctx);
        };
    }

    private static HandlerType handlerType(String method) {
        return switch (method) {
            case "GET" -> HandlerType.GET;
            case "POST" -> HandlerType.POST;
            case "PATCH" -> HandlerType.PATCH;
            case "PUT" -> HandlerType.PUT;
            case "DELETE" -> HandlerType.DELETE;
            default -> throw new IllegalArgumentException("unsupported method " + method);
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
