package dev.sluice.cli.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.cli.CliException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Calls a Sluice server's REST API with an API key. Every failure becomes a {@link CliException}
 * that says what to check: an unreachable server, a refused key, or the server's own error message.
 * The key is never part of a message.
 */
public final class ServerClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String apiKey;
    private final HttpClient http;

    /**
     * @param base the server's URL, e.g. {@code http://127.0.0.1:8080}
     * @param apiKey an API key of the server
     */
    public ServerClient(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * @param path a path under the server, e.g. {@code /api/v1/destinations}
     * @return the answer's JSON
     */
    public JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    /**
     * @param path a path under the server
     * @param body the JSON to send
     * @return the answer's JSON
     */
    public JsonNode post(String path, JsonNode body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + apiKey);
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException(
                    "Cannot reach the Sluice server at " + base
                            + ": is it running there? Check --server (or SLUICE_SERVER)",
                    e);
        } catch (HttpTimeoutException e) {
            throw new CliException("The Sluice server at " + base + " did not answer in time", e);
        } catch (IOException e) {
            throw new CliException("Cannot talk to the Sluice server at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while waiting for the Sluice server", e);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new CliException("The Sluice server at " + base + " refused the API key (" + error(response)
                    + "): check --api-key (or SLUICE_API_KEY)");
        }
        if (status / 100 != 2) {
            throw new CliException("The Sluice server answered " + status + ": " + error(response));
        }
        return parse(response.body());
    }

    private static String error(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            return "(no JSON answer; is " + response.uri() + " a Sluice server?)";
        }
        return body != null && body.hasNonNull("error") ? body.get("error").asText() : "(no error message)";
    }

    private JsonNode parse(String text) {
        if (text.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CliException("The answer of " + base + " is not JSON: is it a Sluice server?", e);
        }
    }
}
