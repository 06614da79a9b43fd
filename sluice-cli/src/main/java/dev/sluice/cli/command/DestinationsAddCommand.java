package dev.sluice.cli.command;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.cli.CliException;
import dev.sluice.cli.remote.ServerAccessOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sluice destinations add NAME --destination FILE}: adds a destination to a Sluice server. */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = {
            "Add a destination to a Sluice server, from a file with the JSON of a project's destination.json, e.g."
                    + " {\"type\": \"postgres\", \"host\": \"db.internal\", \"port\": 5432, \"database\": \"analytics\","
                    + " \"user\": \"sluice\", \"password\": \"...\", \"schema\": \"tester\"}.",
            "The server keeps the password encrypted and never shows it. A relative DuckDB path is relative to the"
                    + " server's data directory."
        })
final class DestinationsAddCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "The destination's name, e.g. analytics ([_a-z][_a-z0-9]*).")
    String name;

    @Option(names = "--destination", paramLabel = "FILE", required = true, description = "The destination file (JSON).")
    Path file;

    @Mixin
    ServerAccessOption access;

    @Override
    public Integer call() {
        ObjectNode body = MAPPER.createObjectNode().put("name", name);
        body.setAll(read(file));
        body.put("name", name);
        JsonNode created = access.client().post("/api/v1/destinations", body);
        spec.commandLine()
                .getOut()
                .println("Added destination " + created.path("name").asText() + ": "
                        + DestinationsListCommand.where(created) + " (schema "
                        + created.path("schema").asText() + ")");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static ObjectNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CliException("Destination file " + file + " not found: check the path");
        } catch (IOException e) {
            throw new CliException("Cannot read destination file " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CliException("Destination file " + file + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": check quotes and commas there (the text is not shown: it may hold a password)");
        }
        if (root == null || !root.isObject()) {
            throw new CliException(
                    "Destination file " + file + " must hold a JSON object, e.g. {\"type\": \"postgres\","
                            + " \"host\": \"localhost\", \"database\": \"analytics\", \"user\": \"sluice\", \"password\": \"...\"}");
        }
        return (ObjectNode) root;
    }
}
