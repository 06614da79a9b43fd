package dev.sluice.examples.paginationnexturl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.Sluice;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.toolkit.cursor.TimestampCursor;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.http.RestClient;
import dev.sluice.toolkit.paging.NextUrlPaging;
import dev.sluice.toolkit.paging.Page;
import dev.sluice.toolkit.paging.Paginator;
import java.util.List;

/**
 * Syncs the users of {@code GET /pagination/next_page_url} ({@code {data, ..., next_page_url}})
 * into {@code users}, incrementally: it asks for the users updated since the cursor in state
 * (oldest first), follows {@code next_page_url} and moves the cursor after each page.
 */
public final class NextUrlPaginationConnector implements Connector {

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
        TimestampCursor cursor = TimestampCursor.of(state, "users_cursor");
        ApiRequest changedUsers = ApiRequest.get("/pagination/next_page_url")
                .withQuery("order_by", "updatedAt")
                .withQuery("updated_since", cursor.sinceIso())
                .withQuery("per_page", configuration.getInt("page_size", 50));

        for (Page page :
                Paginator.of(new NextUrlPaging("next_page_url")).records("data").over(api, changedUsers)) {
            for (JsonNode user : page.records()) {
                if (cursor.accept(user.get("updatedAt"), user.get("id"))) {
                    operations.upsert("users", Json.toRow(user));
                }
            }
            cursor.checkpoint(operations);
        }
    }

    /**
     * Runs one local sync of this project from an IDE, as {@code sluice debug} does.
     *
     * @param args optional project folder, {@code --configuration F}, {@code --state F}
     */
    public static void main(String[] args) {
        Sluice.debug(new NextUrlPaginationConnector(), args);
    }
}
