package dev.sluice.engine.destination.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.sdk.DataType;

/**
 * What Sluice records in the comment of a table or column it created, when PostgreSQL's catalog
 * cannot say it: the whole name of a name {@linkplain PostgresNames shortened} to fit, and the XML
 * type of a TEXT column. Written as {@code sluice:} and a JSON object, e.g.
 * {@code sluice:{"name":"...","type":"XML"}}.
 *
 * @param name the whole name, or null when the identifier is the name
 * @param type the recorded type, or null
 */
record SluiceComment(String name, DataType type) {

    private static final String PREFIX = "sluice:";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param name a table or column name
     * @param type its type, or null for a table
     * @return what to record for it, or null when nothing is needed
     */
    static String render(String name, DataType type) {
        boolean shortened = PostgresNames.shortened(name);
        boolean xml = type == DataType.XML;
        if (!shortened && !xml) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        if (shortened) {
            node.put("name", name);
        }
        if (xml) {
            node.put("type", type.name());
        }
        return PREFIX + node;
    }

    /**
     * @param comment a comment, or null
     * @return what it records; nothing when it is not Sluice's
     */
    static SluiceComment parse(String comment) {
        if (comment == null || !comment.startsWith(PREFIX)) {
            return new SluiceComment(null, null);
        }
        try {
            JsonNode node = JSON.readTree(comment.substring(PREFIX.length()));
            String name = node.hasNonNull("name") ? node.get("name").asText() : null;
            DataType type =
                    node.hasNonNull("type") ? DataType.fromName(node.get("type").asText()) : null;
            return new SluiceComment(name, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new SluiceComment(null, null);
        }
    }

    /**
     * @param physical the identifier in PostgreSQL
     * @return the name as the engine knows it
     */
    String nameOr(String physical) {
        return name != null ? name : physical;
    }
}
