package dev.sluice.examples.paginationoffset;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.Sluice;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.RestClient;
import dev.sluice.toolkit.paging.OffsetPaging;
import dev.sluice.toolkit.paging.Page;
import dev.sluice.toolkit.paging.Paginator;
import java.util.List;

/**
 * Syncs every user of {@code GET /pagination/offset} ({@code {data, offset, limit, total}}) into
 * {@code users}: a full sync, one checkpoint per page. State holds the offset of the next page
 * while a sync runs, so an interrupted sync resumes there; a finished sync clears it.
 */
public final class OffsetPaginationConnector implements Connector {

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
        long resumeAt = state.getLong("offset", 0);
        OffsetPaging offsets = new OffsetPaging("offset", "limit", configuration.getInt("page_size", 50))
                .totalField("total")
                .startingAt(resumeAt);

        for (Page page : Paginator.of(offsets).records("data").over(api, ApiRequest.get("/pagination/offset"))) {
            page.rows().forEach(user -> operations.upsert("users", user));
            state.put("offset", resumeAt + page.recordsBefore() + page.records().size());
            operations.checkpoint(state);
        }
        state.remove("offset");
        operations.checkpoint(state);
    }

    /**
     * Runs one local sync of this project from an IDE, as {@code sluice debug} does.
     *
     * @param args optional project folder, {@code --configuration F}, {@code --state F}
     */
    public static void main(String[] args) {
        Sluice.debug(new OffsetPaginationConnector(), args);
    }
}
