package dev.sluice.cli.bench;

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
import dev.sluice.toolkit.paging.Page;
import dev.sluice.toolkit.paging.Paginator;
import java.util.List;

/**
 * The same sync as {@link BareUsersConnector}, written with the toolkit as its README shows:
 * {@link RestClient}, a {@link Paginator}, {@link Json#toRow} and a {@link TimestampCursor}
 * checkpointed after every {@code checkpointEvery} pages and at the end.
 */
final class ToolkitUsersConnector implements Connector {

    private final String baseUrl;
    private final PlaygroundListing listing;
    private final int perPage;
    private final int checkpointEvery;
    private final Tally tally;

    ToolkitUsersConnector(String baseUrl, PlaygroundListing listing, int perPage, int checkpointEvery, Tally tally) {
        this.baseUrl = baseUrl;
        this.listing = listing;
        this.perPage = perPage;
        this.checkpointEvery = checkpointEvery;
        this.tally = tally;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(BareUsersConnector.TABLE).primaryKey("id").build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        RestClient api = RestClient.builder(baseUrl).build();
        TimestampCursor cursor =
                TimestampCursor.of(state, BareUsersConnector.CURSOR_KEY).startingAt(BareUsersConnector.START);
        Paginator paginator = Paginator.of(listing.strategy(perPage)).records("data");
        ApiRequest users = ApiRequest.get(listing.path())
                .withQuery(listing.sizeParameter(), perPage)
                .withQuery("updated_since", cursor.sinceIso());
        boolean unsaved = false;
        for (Page page : paginator.over(api, users)) {
            tally.page(page.response().bytes().length);
            for (JsonNode user : page.records()) {
                if (cursor.accept(user.get("updatedAt").asText(), user.get("id").asText())) {
                    operations.upsert(BareUsersConnector.TABLE, Json.toRow(user));
                    tally.row();
                }
            }
            unsaved = true;
            if (page.number() % checkpointEvery == 0) {
                cursor.checkpoint(operations);
                unsaved = false;
            }
        }
        if (unsaved) {
            cursor.checkpoint(operations);
        }
    }
}
