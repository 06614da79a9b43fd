package dev.sluice.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpRequestFactoryTest {

    private final HttpRequestFactory factory = new HttpRequestFactory(
            Map.of("X-Tenant", "acme", "Accept", "application/vnd.api+json"),
            Duration.ofSeconds(5),
            new HttpFailures(new Redactor(() -> List.of("k-secret-1"), Set.of())));

    @Test
    void aRequestsOwnHeaderWinsOverTheDefaultOfTheSameNameInAnyCase() {
        ApiRequest request = ApiRequest.get("/x").withHeader("x-tenant", "globex");

        HttpRequest built = factory.build(request, URI.create("https://api.example.com/x"));

        assertThat(built.headers().allValues("X-Tenant")).containsExactly("globex");
        assertThat(built.headers().firstValue("Accept")).contains("application/vnd.api+json");
        assertThat(built.timeout()).contains(Duration.ofSeconds(5));
    }

    @Test
    void asksForJsonUnlessToldOtherwiseAndLeavesOutHeadersTheJdkSets() {
        HttpRequestFactory plain = new HttpRequestFactory(Map.of(), Duration.ofSeconds(5), null);
        ApiRequest request = ApiRequest.post("/x")
                .withHeader("Host", "elsewhere")
                .withHeader("Connection", "close")
                .withJsonBody("{}");

        HttpRequest built = plain.build(request, URI.create("https://api.example.com/x"));

        assertThat(built.method()).isEqualTo("POST");
        assertThat(built.headers().firstValue("Accept")).contains("application/json");
        assertThat(built.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(built.headers().map()).doesNotContainKeys("host", "connection");
        assertThat(built.bodyPublisher().orElseThrow().contentLength()).isEqualTo(2);
    }

    @Test
    void aUrlWithoutSchemeOrHostFailsNamingItWithoutSecrets() {
        assertThatThrownBy(() -> factory.uriOf(ApiRequest.get("x"), "api.example.com/x?key=k-secret-1"))
                .isInstanceOf(HttpSourceException.class)
                .hasMessageContaining("Invalid URL for GET: 'api.example.com/x?key=***'")
                .hasMessageContaining("check the base URL and path");
    }
}
