package dev.sluice.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A real HTTP client against a running playground. */
final class HttpTestClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A response with its body as text. */
    record Response(int status, HttpResponse<String> raw) {
        String body() {
            return raw.body();
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;

    HttpTestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response get(String pathOrUrl, String... headers) {
        return send(request(pathOrUrl, headers).GET().build());
    }

    Response post(String pathOrUrl, String contentType, String body, String... headers) {
        return send(request(pathOrUrl, headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the ids of the records of a JSON array */
    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }

    /**
     * Follows pages until {@code next} returns null and returns every id seen, in order.
     *
     * @param first the first path
     * @param next from a response, the next path or URL, or null at the end
     */
    List<String> walk(String first, Function<Response, JsonNode> data, Function<Response, String> next) {
        List<String> seen = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        String path = first;
        while (path != null) {
            if (!paths.add(path)) {
                throw new AssertionError("pagination loops back to " + path);
            }
            Response response = get(path);
            if (response.status() != 200) {
                throw new AssertionError("GET " + path + " -> " + response.status() + " " + response.body());
            }
            seen.addAll(ids(data.apply(response)));
            path = next.apply(response);
        }
        return seen;
    }

    private HttpRequest.Builder request(String pathOrUrl, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
