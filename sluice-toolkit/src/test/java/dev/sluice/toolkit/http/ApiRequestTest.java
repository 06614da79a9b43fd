package dev.sluice.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    @Test
    void resolvesPathsAgainstTheBaseAndEncodesTheQuery() {
        ApiRequest request = ApiRequest.get("/orders").withQuery("q", "a b&c").withQuery("limit", 10);

        assertThat(request.url("https://h/v1")).isEqualTo("https://h/v1/orders?q=a%20b%26c&limit=10");
        assertThat(request.url("https://h/v1/")).isEqualTo("https://h/v1/orders?q=a%20b%26c&limit=10");
        assertThat(ApiRequest.get("orders").url("https://h/v1")).isEqualTo("https://h/v1/orders");
        assertThat(ApiRequest.get("https://other/x?page=2").withQuery("k", "v").url("https://h/v1"))
                .isEqualTo("https://other/x?page=2&k=v");
    }

    @Test
    void withMethodsReturnChangedCopies() {
        ApiRequest base = ApiRequest.get("/a").withHeader("X-A", "1");
        ApiRequest changed = base.withHeader("x-a", "2").withQuery("p", 1).withQuery("p", 2);

        assertThat(base.header("X-A")).isEqualTo("1");
        assertThat(base.query()).isEmpty();
        assertThat(changed.header("X-A")).isEqualTo("2");
        assertThat(changed.headers()).hasSize(1);
        assertThat(changed.query()).containsExactly(Map.entry("p", "2"));
        assertThat(changed.withQuery("p", null).query()).isEmpty();
    }

    @Test
    void jsonAndFormBodies() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "Ada");
        value.put("tags", java.util.List.of(1, 2));
        ApiRequest json = ApiRequest.post("/x").withJson(value);
        ApiRequest form = ApiRequest.post("/x").withFormBody(Map.of("grant_type", "client_credentials"));

        assertThat(new String(json.body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"Ada\",\"tags\":[1,2]}");
        assertThat(json.header("content-type")).isEqualTo("application/json");
        assertThat(new String(form.body(), StandardCharsets.UTF_8)).isEqualTo("grant_type=client_credentials");
        assertThat(form.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void toStringShowsNoQueryValues() {
        assertThat(ApiRequest.get("/x").withQuery("api_key", "secret-1").toString())
                .isEqualTo("GET /x [api_key]")
                .doesNotContain("secret-1");
    }
}
