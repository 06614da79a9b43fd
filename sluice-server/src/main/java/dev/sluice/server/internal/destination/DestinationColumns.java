package dev.sluice.server.internal.destination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.server.internal.secret.SecretBox;
import java.nio.file.Path;

/**
 * A destination's stored form: its type, its settings as JSON without the password, and the password
 * sealed by the {@link SecretBox} (bound to the destination's name).
 *
 * @param type {@code duckdb} or {@code postgres}
 * @param settings the settings, as JSON
 * @param sealedPassword the sealed password, or null when there is none
 */
record DestinationColumns(String type, String settings, String sealedPassword) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static DestinationColumns of(String name, DestinationConfig config, SecretBox box) {
        ObjectNode settings = MAPPER.createObjectNode();
        if (config instanceof DestinationConfig.Postgres postgres) {
            settings.put("host", postgres.host())
                    .put("port", postgres.port())
                    .put("database", postgres.database())
                    .put("user", postgres.user())
                    .put("schema", postgres.schema());
            String sealed = postgres.password().isEmpty() ? null : box.seal(postgres.password(), context(name));
            return new DestinationColumns("postgres", settings.toString(), sealed);
        }
        DestinationConfig.DuckDb duckDb = (DestinationConfig.DuckDb) config;
        settings.put("path", duckDb.file().toString()).put("schema", duckDb.schema());
        return new DestinationColumns("duckdb", settings.toString(), null);
    }

    DestinationConfig toConfig(String name, SecretBox box) {
        JsonNode node;
        try {
            node = MAPPER.readTree(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored settings of destination " + name + " are not JSON", e);
        }
        if (type.equals("postgres")) {
            return new DestinationConfig.Postgres(
                    node.path("host").asText(),
                    node.path("port").asInt(),
                    node.path("database").asText(),
                    node.path("user").asText(),
                    sealedPassword == null ? "" : box.open(sealedPassword, context(name)),
                    node.path("schema").asText());
        }
        return new DestinationConfig.DuckDb(
                Path.of(node.path("path").asText()), node.path("schema").asText());
    }

    private static String context(String name) {
        return "destination/" + name + "/password";
    }
}
