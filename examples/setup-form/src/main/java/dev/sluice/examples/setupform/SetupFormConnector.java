package dev.sluice.examples.setupform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.ConfigurationForm;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.FormField;
import dev.sluice.sdk.FormField.Option;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.sdk.TestResult;
import dev.sluice.toolkit.ToolkitException;
import dev.sluice.toolkit.auth.Auth;
import dev.sluice.toolkit.cursor.TimestampCursor;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.http.RestClient;
import dev.sluice.toolkit.http.RetryPolicy;
import dev.sluice.toolkit.paging.Page;
import dev.sluice.toolkit.paging.PageNumberPaging;
import dev.sluice.toolkit.paging.Paginator;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs the playground's users behind an API key, and declares the setup form that collects the
 * key: the base URL, the key, how to send it, a verbose toggle, and a "Connect to the API" test
 * that makes one request with those settings.
 */
public final class SetupFormConnector implements Connector {

    private static final Logger LOG = LoggerFactory.getLogger(SetupFormConnector.class);

    @Override
    public ConfigurationForm configurationForm() {
        return ConfigurationForm.builder()
                .field(FormField.text("base_url", "API base URL").required().placeholder("http://localhost:5001"))
                .field(FormField.password("api_key", "API key").required())
                .field(FormField.dropdown(
                                "auth_style",
                                "Send the key as",
                                List.of(
                                        new Option("header", "Header", "Authorization: apiKey <key>"),
                                        new Option("query", "Query parameter", "?api_key=<key>, masked in logs")))
                        .defaultValue("header"))
                .field(FormField.toggle("verbose", "Log every page").defaultValue("false"))
                .test("connect", "Connect to the API", SetupFormConnector::connect)
                .build();
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("users").primaryKey("id").build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        RestClient api = client(configuration, RetryPolicy.DEFAULT);
        TimestampCursor cursor = TimestampCursor.of(state, "users_cursor");
        Paginator paginator = Paginator.of(
                        new PageNumberPaging("page", "per_page", configuration.getInt("page_size", 50))
                                .totalPagesField("total_pages"))
                .records("data");

        for (Page page :
                paginator.over(api, ApiRequest.get("/auth/api_key").withQuery("updated_since", cursor.sinceIso()))) {
            for (JsonNode user : page.records()) {
                if (cursor.accept(user.get("updatedAt").asText(), user.get("id").asText())) {
                    operations.upsert("users", Json.toRow(user));
                }
            }
            cursor.checkpoint(operations);
            if (configuration.getBoolean("verbose", false)) {
                LOG.info("Page {}: {} users", page.number(), page.records().size());
            }
        }
    }

    /** The connection test: one small request, no retries; a failure says what was refused, never the key. */
    static TestResult connect(Configuration configuration) {
        RestClient api = client(configuration, RetryPolicy.NONE);
        try {
            api.send(ApiRequest.get("/auth/api_key").withQuery("per_page", 1));
            return TestResult.success();
        } catch (ToolkitException e) {
            return TestResult.failure(e.getMessage());
        }
    }

    private static RestClient client(Configuration configuration, RetryPolicy retry) {
        String key = configuration.require("api_key");
        return RestClient.builder(configuration.require("base_url"))
                .authenticator(
                        configuration.get("auth_style", "header").equals("query")
                                ? Auth.apiKeyQuery("api_key", key)
                                : Auth.apiKeyHeader("Authorization", "apiKey ", key))
                .connectTimeout(Duration.ofSeconds(5))
                .retry(retry)
                .build();
    }
}
