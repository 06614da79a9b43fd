package dev.sluice.playground.http;

import dev.sluice.playground.data.Company;
import dev.sluice.playground.data.Department;
import dev.sluice.playground.data.Snapshot;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;

/** Parent and child: {@code /cursors/companies} and {@code /cursors/{company_id}/departments}. */
final class CursorRoutes {

    private final Supplier<Snapshot> data;

    CursorRoutes(Supplier<Snapshot> data) {
        this.data = data;
    }

    void register(RoutesConfig routes) {
        routes.get(
                "/cursors/companies",
                ctx -> page(
                        ctx,
                        PageSlices.since(
                                data.get().companies(), Company::updatedAt, new Params(ctx).instant("updated_since"))));
        routes.get("/cursors/{company_id}/departments", ctx -> {
            String companyId = ctx.pathParam("company_id");
            List<Department> departments = data.get().departments().get(companyId);
            if (departments == null) {
                throw ApiError.notFound("no company with id '" + companyId + "': take ids from GET /cursors/companies");
            }
            page(ctx, PageSlices.since(departments, Department::updatedAt, new Params(ctx).instant("updated_since")));
        });
    }

    private static void page(Context ctx, List<?> items) {
        Params params = new Params(ctx);
        JsonBodies.respond(
                ctx,
                PageSlices.pageNumber(
                        items, params.integer("page", 1, 1, Integer.MAX_VALUE), params.pageSize("per_page")));
    }
}
