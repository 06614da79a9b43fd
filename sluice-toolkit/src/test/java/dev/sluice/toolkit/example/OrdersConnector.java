package dev.sluice.toolkit.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.toolkit.auth.Auth;
import dev.sluice.toolkit.cursor.TimestampCursor;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.http.RestClient;
import dev.sluice.toolkit.paging.CursorPaging;
import dev.sluice.toolkit.paging.Page;
import dev.sluice.toolkit.paging.Paginator;
import java.util.List;

/** The README's example: a REST connector syncing orders incrementally, one checkpoint per page. */
public final class OrdersConnector implements Connector {

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("orders").primaryKey("id").build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        RestClient api = RestClient.builder(configuration.require("base_url"))
                .authenticator(Auth.apiKeyHeader("X-API-Key", configuration.require("api_key")))
                .rateLimit(configuration.getInt("requests_per_second", 20))
                .build();
        TimestampCursor cursor = TimestampCursor.of(state, "orders_cursor");
        Paginator paginator =
                Paginator.of(new CursorPaging("cursor", "next_cursor")).records("data");
        ApiRequest changedOrders = ApiRequest.get("/orders")
                .withQuery("updated_since", cursor.sinceIso())
                .withQuery("limit", configuration.getInt("page_size", 100));

        for (Page page : paginator.over(api, changedOrders)) {
            for (JsonNode order : page.records()) {
                if (cursor.accept(
                        order.get("updated_at").asText(), order.get("id").asLong())) {
                    operations.upsert("orders", Json.toRow(order));
                }
            }
            cursor.checkpoint(operations);
        }
    }
}
