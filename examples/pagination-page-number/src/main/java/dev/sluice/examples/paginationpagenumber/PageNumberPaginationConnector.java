package dev.sluice.examples.paginationpagenumber;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.Sluice;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.RestClient;
import dev.sluice.toolkit.paging.Page;
import dev.sluice.toolkit.paging.PageNumberPaging;
import dev.sluice.toolkit.paging.Paginator;
import java.util.List;

/**
 * Syncs every user of {@code GET /pagination/page_number}
 * ({@code {data, page, page_size, total_pages, total_items}}) into {@code users}: a full sync that
 * stops after {@code total_pages}, one checkpoint per page. State stays empty: page numbers shift
 * when users are added or deleted, so an interrupted sync starts again from page 1.
 */
public final class PageNumberPaginationConnector implements Connector {

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
        PageNumberPaging pages = new PageNumberPaging("page", "per_page", configuration.getInt("page_size", 50))
                .totalPagesField("total_pages");

        for (Page page : Paginator.of(pages).records("data").over(api, ApiRequest.get("/pagination/page_number"))) {
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
        Sluice.debug(new PageNumberPaginationConnector(), args);
    }
}
