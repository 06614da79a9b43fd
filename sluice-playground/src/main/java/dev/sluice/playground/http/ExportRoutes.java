package dev.sluice.playground.http;

import dev.sluice.playground.data.Snapshot;
import dev.sluice.playground.data.User;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.function.Supplier;

/** {@code GET /export/csv}: all users as RFC 4180 CSV with a header row, ordered by (updatedAt, id). */
final class ExportRoutes {

    private static final List<String> HEADER =
            List.of("id", "name", "email", "address", "company", "job", "createdAt", "updatedAt");

    private final Supplier<Snapshot> data;

    ExportRoutes(Supplier<Snapshot> data) {
        this.data = data;
    }

    void register(RoutesConfig routes) {
        routes.get("/export/csv", ctx -> {
            StringBuilder csv = new StringBuilder();
            line(csv, HEADER);
            for (User user : PageSlices.usersSince(data.get().users(), new Params(ctx).instant("updated_since"))) {
                line(
                        csv,
                        List.of(
                                user.id(),
                                user.name(),
                                user.email(),
                                user.address(),
                                user.company(),
                                user.job(),
                                JsonBodies.timestamp(user.createdAt()),
                                JsonBodies.timestamp(user.updatedAt())));
            }
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"users.csv\"")
                    .result(csv.toString());
        });
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String field = fields.get(i);
            if (field.indexOf(',') >= 0
                    || field.indexOf('"') >= 0
                    || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                csv.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(field);
            }
        }
        csv.append("\r\n");
    }
}
