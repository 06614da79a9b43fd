package dev.sluice.server.internal.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code GET /api/v1/openapi.json}: the hand-written OpenAPI document of every route (a test keeps it in step). */
final class OpenApiRoutes {

    /** Where the document is on the class path. */
    static final String RESOURCE = "/dev/sluice/server/openapi.json";

    private final byte[] document;

    OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the server's jar lacks " + RESOURCE);
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<ApiRoute> routes() {
        return List.of(ApiRoute.api("GET", "/api/v1/openapi.json", this::serve));
    }

    private void serve(Context ctx) {
        ctx.status(200).contentType("application/json").result(document);
    }
}
