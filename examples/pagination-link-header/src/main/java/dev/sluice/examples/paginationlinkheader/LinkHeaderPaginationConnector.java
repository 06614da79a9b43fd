package dev.sluice.examples.paginationlinkheader;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.Sluice;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.RestClient;
import dev.sluice.toolkit.paging.LinkHeaderPaging;
import dev.sluice.toolkit.paging.Page;
import dev.sluice.toolkit.paging.Paginator;
import java.util.List;

/**
 * Syncs every user of {@code GET /pagination/link} into {@code users}: each page is a bare JSON
 * array and the next page is the {@code Link} header's {@code rel="next"} URL. A full sync, one
 * checkpoint per page; state stays empty, so an interrupted sync starts again from the first page.
 */
public final class LinkHeaderPaginationConnector implements Connector {

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
                ApiRequest.get("/pagination/link").withQuery("per_page", configuration.getInt("page_size", 50));

        for (Page page : Paginator.of(new LinkHeaderPaging()).over(api, users)) {
            page.rows().forEach(user -> operations.upsert("users", user));
            operations.checkpoint(state);
        }
    }

    /**
     * Runs one local sync of this project from an IDE, as {@code sluice debug} does.
     *
     * @param args optional project folder, {@code --configuration F}, {@code --state F}
     */
    public static void main(String[] args) {
        Sluice.debug(new LinkHeaderPaginationConnector(), args);
    }
}
