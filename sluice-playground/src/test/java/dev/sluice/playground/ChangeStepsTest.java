package dev.sluice.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.playground.HttpTestClient.Response;
import dev.sluice.playground.data.Snapshot;
import dev.sluice.playground.data.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeStepsTest {

    Playground playground;
    HttpTestClient http;

    @BeforeEach
    void start() {
        playground = Playground.start(PlaygroundOptions.builder().seed(7).build());
        http = new HttpTestClient(playground.baseUrl());
    }

    @AfterEach
    void stop() {
        playground.close();
    }

    @Test
    void theIncrementalFeedWalksEveryUserOnce() {
        List<String> seen = walkTimestampFeed(null).ids;

        assertThat(seen)
                .containsExactlyElementsOf(
                        playground.snapshot().users().stream().map(User::id).toList());
    }

    @Test
    void advanceShowsNewUpdatedAndDeletedUsersInTheRightFeeds() {
        Feed before = walkTimestampFeed(null);
        Map<String, String> namesBefore = names();
        Instant clockBefore = playground.snapshot().clock();

        Response advanced = http.post("/admin/advance?steps=3", "text/plain", "");
        assertThat(advanced.status()).isEqualTo(200);
        JsonNode state = advanced.json();
        assertThat(state.get("steps").asInt()).isEqualTo(3);
        assertThat(state.get("clock").asText()).isEqualTo("2025-01-01T03:00:00.000Z");
        assertThat(Instant.parse(state.get("clock").asText())).isEqualTo(clockBefore.plus(Duration.ofHours(3)));

        Feed changes = walkTimestampFeed(before.nextSince);
        Set<String> deleted = deletedSince(null);
        Set<String> live = new HashSet<>(names().keySet());

        assertThat(deleted).hasSize(6);
        assertThat(live).doesNotContainAnyElementsOf(deleted);
        assertThat(state.get("users").asInt()).isEqualTo(live.size()).isEqualTo(200 + 3 * 4 - 6);
        assertThat(state.get("deleted").asInt()).isEqualTo(6);
        List<String> created =
                changes.ids.stream().filter(id -> !namesBefore.containsKey(id)).toList();
        List<String> updated =
                changes.ids.stream().filter(namesBefore::containsKey).toList();
        assertThat(created).hasSize(12);
        assertThat(updated).isNotEmpty();
        assertThat(changes.updatedAt).allSatisfy(at -> assertThat(at).isAfter(clockBefore));
        assertThat(changes.updatedAt).isSorted();
        // users that did not change are not in the feed since the last walk
        assertThat(changes.ids).hasSizeLessThan(12 + 3 * 5 + 1);
        assertThat(deleted).allSatisfy(id -> assertThat(namesBefore).containsKey(id));
    }

    @Test
    void keysetPaginationSkipsNoUserWhileTheDataChanges() {
        Set<String> atStart = new HashSet<>(names().keySet());
        Set<String> deletedBefore = new HashSet<>();
        List<String> seen = new ArrayList<>();
        String scroll = null;
        do {
            JsonNode body = http.get(
                            "/pagination/keyset?per_page=20" + (scroll == null ? "" : "&scroll_param=" + scroll))
                    .json();
            seen.addAll(HttpTestClient.ids(body.get("data")));
            scroll = body.get("scroll_param").isNull()
                    ? null
                    : body.get("scroll_param").asText();
            playground.advance(1);
        } while (scroll != null);
        playground.snapshot().deletions().forEach(deletion -> deletedBefore.add(deletion.id()));

        Set<String> missed = new HashSet<>(atStart);
        missed.removeAll(seen);
        missed.removeAll(deletedBefore);
        assertThat(missed)
                .as("users that existed throughout but were never returned")
                .isEmpty();
    }

    @Test
    void theDeletesFeedPagesBySince() {
        playground.advance(10);
        List<String> all = new ArrayList<>();
        String since = null;
        boolean more = true;
        while (more) {
            JsonNode body = http.get("/incremental/deletes?limit=7" + (since == null ? "" : "&since=" + since))
                    .json();
            body.get("data").forEach(entry -> {
                assertThat(entry.get("deletedAt").asText()).endsWith("Z");
                all.add(entry.get("id").asText());
            });
            more = body.get("has_more").asBoolean();
            since = body.get("next_since").asText();
        }

        assertThat(all).hasSize(20).doesNotHaveDuplicates();
        JsonNode after = http.get("/incremental/deletes?since=" + since).json();
        assertThat(after.get("data")).isEmpty();
        assertThat(after.get("next_since").asText()).isEqualTo(since);
        assertThat(after.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void sameSeedGivesTheSameDataAndChanges() {
        try (Playground twin =
                        Playground.start(PlaygroundOptions.builder().seed(7).build());
                Playground other =
                        Playground.start(PlaygroundOptions.builder().seed(8).build())) {
            HttpTestClient twinHttp = new HttpTestClient(twin.baseUrl());
            String path = "/pagination/offset?limit=50&offset=100";
            assertThat(twinHttp.get(path).body()).isEqualTo(http.get(path).body());
            assertThat(new HttpTestClient(other.baseUrl()).get(path).body())
                    .isNotEqualTo(http.get(path).body());

            playground.advance(5);
            twinHttp.post("/admin/advance?steps=5", "text/plain", "");

            for (String route : List.of(
                    "/pagination/offset?limit=50&offset=150",
                    "/incremental/deletes?limit=50",
                    "/cursors/companies?per_page=50",
                    "/export/csv")) {
                assertThat(twinHttp.get(route).body())
                        .as(route)
                        .isEqualTo(http.get(route).body());
            }
        }
    }

    @Test
    void autoAdvanceStepsOnATimer() throws InterruptedException {
        try (Playground ticking = Playground.start(
                PlaygroundOptions.builder().autoAdvance(Duration.ofMillis(20)).build())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (ticking.snapshot().steps() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(new HttpTestClient(ticking.baseUrl())
                            .get("/admin/state")
                            .json()
                            .get("steps")
                            .asInt())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void companiesAndTheirDepartments() {
        Snapshot snapshot = playground.advance(4);
        JsonNode companies = http.get("/cursors/companies?per_page=50").json();
        assertThat(companies.get("total_items").asInt()).isEqualTo(20);
        assertThat(iterableNames(companies.get("data").get(0)))
                .containsExactly("id", "name", "industry", "createdAt", "updatedAt");

        int departments = 0;
        for (JsonNode company : companies.get("data")) {
            String id = company.get("id").asText();
            JsonNode page =
                    http.get("/cursors/" + id + "/departments?per_page=50").json();
            assertThat(page.get("total_items").asInt()).isBetween(2, 6);
            for (JsonNode department : page.get("data")) {
                assertThat(iterableNames(department))
                        .containsExactly("id", "company_id", "name", "head_count", "updatedAt");
                assertThat(department.get("company_id").asText()).isEqualTo(id);
                assertThat(Instant.parse(department.get("updatedAt").asText()))
                        .isBeforeOrEqualTo(
                                Instant.parse(company.get("updatedAt").asText()));
            }
            departments += page.get("total_items").asInt();
        }
        assertThat(departments).isEqualTo(snapshot.departmentCount());

        Instant since = snapshot.clock().minus(Duration.ofHours(4));
        JsonNode changed = http.get("/cursors/companies?per_page=50&updated_since=" + since)
                .json();
        assertThat(changed.get("total_items").asInt()).isBetween(1, 4);
        Response unknown = http.get("/cursors/not-a-company/departments");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("not-a-company", "/cursors/companies");
    }

    private record Feed(List<String> ids, List<Instant> updatedAt, String nextSince) {}

    private Feed walkTimestampFeed(String since) {
        List<String> ids = new ArrayList<>();
        List<Instant> updatedAt = new ArrayList<>();
        String next = since;
        boolean more = true;
        while (more) {
            JsonNode body = http.get("/incremental/timestamp?limit=50" + (next == null ? "" : "&since=" + next))
                    .json();
            body.get("data").forEach(user -> {
                ids.add(user.get("id").asText());
                updatedAt.add(Instant.parse(user.get("updatedAt").asText()));
            });
            more = body.get("has_more").asBoolean();
            next = body.get("next_since").asText();
        }
        assertThat(ids).doesNotHaveDuplicates();
        return new Feed(ids, updatedAt, next);
    }

    private Set<String> deletedSince(String since) {
        JsonNode body = http.get("/incremental/deletes?limit=50" + (since == null ? "" : "&since=" + since))
                .json();
        assertThat(body.get("has_more").asBoolean()).isFalse();
        Set<String> ids = new HashSet<>();
        body.get("data").forEach(entry -> ids.add(entry.get("id").asText()));
        return ids;
    }

    private Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        http.walk(
                        "/pagination/cursor?limit=50",
                        r -> r.json().get("data"),
                        r -> r.json().get("next_cursor").isNull()
                                ? null
                                : "/pagination/cursor?limit=50&cursor="
                                        + r.json().get("next_cursor").asText())
                .forEach(id -> names.put(id, id));
        return names;
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
