package dev.sluice.examples.incrementaldeletes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.toolkit.cursor.TimestampCursor;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.http.RestClient;
import dev.sluice.toolkit.paging.CursorPaging;
import dev.sluice.toolkit.paging.Page;
import dev.sluice.toolkit.paging.Paginator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Syncs users from two feeds of the playground: {@code /incremental/timestamp} (users changed at
 * or after {@code since}) becomes upserts, {@code /incremental/deletes} (ids deleted at or after
 * {@code since}) becomes deletes. Each feed has its own cursor in state; a checkpoint per page.
 */
public final class IncrementalDeletesConnector implements Connector {

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("users").primaryKey("id").build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        RestClient api = RestClient.builder(configuration.require("base_url")).build();
        int pageSize = configuration.getInt("page_size", 50);

        readFeed(
                api,
                "/incremental/timestamp",
                pageSize,
                TimestampCursor.of(state, "users_cursor"),
                "updatedAt",
                user -> operations.upsert("users", Json.toRow(user)),
                operations);
        readFeed(
                api,
                "/incremental/deletes",
                pageSize,
                TimestampCursor.of(state, "deletes_cursor"),
                "deletedAt",
                deletion -> operations.delete(
                        "users", Map.of("id", deletion.get("id").asText())),
                operations);
    }

    private static void readFeed(
            RestClient api,
            String path,
            int pageSize,
            TimestampCursor cursor,
            String timestampField,
            Consumer<JsonNode> emit,
            Operations operations) {
        Paginator feed = Paginator.of(new CursorPaging("since", "next_since").hasMoreField("has_more"))
                .records("data");
        ApiRequest since =
                ApiRequest.get(path).withQuery("since", cursor.sinceIso()).withQuery("limit", pageSize);
        for (Page page : feed.over(api, since)) {
            for (JsonNode record : page.records()) {
                if (cursor.accept(
                        record.get(timestampField).asText(), record.get("id").asText())) {
                    emit.accept(record);
                }
            }
            cursor.checkpoint(operations);
        }
    }
}
