package dev.sluice.examples.paginationcursor;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.Sluice;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.RestClient;
import dev.sluice.toolkit.paging.CursorPaging;
import dev.sluice.toolkit.paging.Page;
import dev.sluice.toolkit.paging.Paginator;
import java.util.List;

/**
 * Syncs every user of {@code GET /pagination/cursor} ({@code {data, next_cursor}}) into
 * {@code users}: a full sync, one checkpoint per page. While a sync runs, state holds the token of
 * the next page, so an interrupted sync resumes there (the token is a position in the ordered list,
 * so changes in between do not make it skip anyone); a finished sync clears it.
 */
public final class CursorPaginationConnector implements Connector {

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("users")
                .primaryKey("id")
                .column("createdAt", DataType.UTC_DATETIME)
                .column("updatedAt", DataType.UTC_DATETIME)
                .build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        RestClient api = RestClient.builder(configuration.require("base_url")).build();
        ApiRequest users =
                ApiRequest.get("/pagination/cursor").withQuery("limit", configuration.getInt("page_size", 50));
        String resumeAt = state.getString("cursor");
        if (resumeAt != null) {
            users = users.withQuery("cursor", resumeAt);
        }

        for (Page page : Paginator.of(new CursorPaging("cursor", "next_cursor"))
                .records("data")
                .over(api, users)) {
            page.rows().forEach(user -> operations.upsert("users", user));
            state.put("cursor", page.body().path("next_cursor").textValue());
            operations.checkpoint(state);
        }
        state.remove("cursor");
        operations.checkpoint(state);
    }

    /**
     * Runs one local sync of this project from an IDE, as {@code sluice debug} does.
     *
     * @param args optional project folder, {@code --configuration F}, {@code --state F}
     */
    public static void main(String[] args) {
        Sluice.debug(new CursorPaginationConnector(), args);
    }
}
