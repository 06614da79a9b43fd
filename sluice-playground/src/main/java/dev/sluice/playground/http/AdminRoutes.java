package dev.sluice.playground.http;

import dev.sluice.playground.data.Dataset;
import dev.sluice.playground.data.Snapshot;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code /admin/*}: apply change steps and show counts. Never rate-limited nor failed on purpose. */
final class AdminRoutes {

    static final int MAX_STEPS = 10_000;

    private final Dataset dataset;

    AdminRoutes(Dataset dataset) {
        this.dataset = dataset;
    }

    void register(RoutesConfig routes) {
        routes.post("/admin/advance", ctx -> {
            int steps = new Params(ctx).integer("steps", 1, 1, MAX_STEPS);
            JsonBodies.respond(ctx, state(dataset.advance(steps)));
        });
        routes.get("/admin/state", ctx -> JsonBodies.respond(ctx, state(dataset.snapshot())));
    }

    static Map<String, Object> state(Snapshot snapshot) {
        return JsonBodies.object(
                "steps",
                snapshot.steps(),
                "clock",
                snapshot.clock(),
                "users",
                snapshot.users().size(),
                "deleted",
                snapshot.deletions().size(),
                "companies",
                snapshot.companies().size(),
                "departments",
                snapshot.departmentCount());
    }
}
