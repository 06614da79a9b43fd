package dev.sluice.examples.sessiontoken;

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
import java.util.Map;

/**
 * Syncs the playground's users behind a session token: logs in with a user name and password,
 * sends {@code Authorization: Token <token>}, and logs in again when the token expires, before or
 * in the middle of the sync. Incremental on {@code updatedAt}, a checkpoint per page.
 */
public final class SessionTokenConnector implements Connector {

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("users").primaryKey("id").build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        RestClient api = RestClient.builder(configuration.require("base_url"))
                .authenticator(Auth.session(
                                "/auth/session_token/login",
                                Map.of(
                                        "username", configuration.require("username"),
                                        "password", configuration.require("password")))
                        .tokenField("token")
                        .expiresInField("expires_in")
                        .header("Authorization", "Token ")
                        .build())
                .build();
        TimestampCursor cursor = TimestampCursor.of(state, "users_cursor");
        int pageSize = configuration.getInt("page_size", 50);
        Paginator paginator = Paginator.of(
                        new PageNumberPaging("page", "per_page", pageSize).totalPagesField("total_pages"))
                .records("data");
        ApiRequest changedUsers = ApiRequest.get("/auth/session_token").withQuery("updated_since", cursor.sinceIso());

        for (Page page : paginator.over(api, changedUsers)) {
            for (JsonNode user : page.records()) {
                if (cursor.accept(user.get("updatedAt").asText(), user.get("id").asText())) {
                    operations.upsert("users", Json.toRow(user));
                }
            }
            cursor.checkpoint(operations);
        }
    }
}
