package dev.sluice.examples.parentchild;

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
import dev.sluice.toolkit.paging.PageNumberPaging;
import dev.sluice.toolkit.paging.Paginator;
import java.util.List;

/**
 * Syncs companies and their departments. Companies are read incrementally with one cursor; a
 * company that changed has its departments read since that company's own cursor, so a sync only
 * visits the children of changed parents. A checkpoint after each page of companies.
 */
public final class ParentChildConnector implements Connector {

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(
                Table.named("companies").primaryKey("id").build(),
                Table.named("departments").primaryKey("id").build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        RestClient api = RestClient.builder(configuration.require("base_url")).build();
        Paginator paginator = Paginator.of(
                        new PageNumberPaging("page", "per_page", configuration.getInt("page_size", 50))
                                .totalPagesField("total_pages"))
                .records("data");
        TimestampCursor companies = TimestampCursor.of(state, "companies_cursor");

        for (Page page : paginator.over(
                api, ApiRequest.get("/cursors/companies").withQuery("updated_since", companies.sinceIso()))) {
            for (JsonNode company : page.records()) {
                String companyId = company.get("id").asText();
                if (companies.accept(company.get("updatedAt").asText(), companyId)) {
                    operations.upsert("companies", Json.toRow(company));
                    syncDepartments(api, paginator, companyId, state, operations);
                }
            }
            companies.checkpoint(operations);
        }
    }

    private static void syncDepartments(
            RestClient api, Paginator paginator, String companyId, State state, Operations operations) {
        TimestampCursor departments = TimestampCursor.of(state, "departments_cursor:" + companyId);
        for (Page page : paginator.over(
                api,
                ApiRequest.get("/cursors/" + companyId + "/departments")
                        .withQuery("updated_since", departments.sinceIso()))) {
            for (JsonNode department : page.records()) {
                if (departments.accept(
                        department.get("updatedAt").asText(),
                        department.get("id").asText())) {
                    operations.upsert("departments", Json.toRow(department));
                }
            }
        }
        departments.commit();
    }
}
