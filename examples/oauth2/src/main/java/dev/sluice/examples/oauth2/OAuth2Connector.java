package dev.sluice.examples.oauth2;

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
import dev.sluice.toolkit.paging.Page;
import dev.sluice.toolkit.paging.PageNumberPaging;
import dev.sluice.toolkit.paging.Paginator;
import java.util.List;

/**
 * Syncs the playground's users from {@code /oauth/users} with an OAuth2 access token obtained by
 * the client credentials grant from {@code /oauth/token}; the toolkit fetches a new token when the
 * current one is about to expire or is refused. Incremental on {@code updatedAt}, a checkpoint per page.
 */
public final class OAuth2Connector implements Connector {

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("users").primaryKey("id").build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        RestClient api = RestClient.builder(configuration.require("base_url"))
                .authenticator(Auth.oauth2ClientCredentials(
                                configuration.get("token_url", "/oauth/token"),
                                configuration.require("client_id"),
                                configuration.require("client_secret"))
                        .build())
                .build();
        TimestampCursor cursor = TimestampCursor.of(state, "users_cursor");
        Paginator paginator = Paginator.of(
                        new PageNumberPaging("page", "per_page", configuration.getInt("page_size", 50))
                                .totalPagesField("total_pages"))
                .records("data");

        for (Page page :
                paginator.over(api, ApiRequest.get("/oauth/users").withQuery("updated_since", cursor.sinceIso()))) {
            for (JsonNode user : page.records()) {
                if (cursor.accept(user.get("updatedAt").asText(), user.get("id").asText())) {
                    operations.upsert("users", Json.toRow(user));
                }
            }
            cursor.checkpoint(operations);
        }
    }
}
