package dev.sluice.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.cli.output.TextTable;
import dev.sluice.cli.remote.ServerAccessOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sluice destinations list}: the destinations of a Sluice server, passwords never shown. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the destinations of a Sluice server.")
final class DestinationsListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerAccessOption access;

    @Override
    public Integer call() {
        JsonNode answer = access.client().get("/api/v1/destinations");
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode destination : answer.path("items")) {
            rows.add(List.of(
                    destination.path("name").asText(),
                    destination.path("type").asText(),
                    where(destination),
                    destination.path("schema").asText(),
                    destination.path("created_at").asText()));
        }
        new TextTable(List.of("name", "type", "where", "schema", "created"), rows, 80)
                .print(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** @return where a destination of the server's answer writes, without its password */
    static String where(JsonNode destination) {
        if (destination.path("type").asText().equals("postgres")) {
            return destination.path("user").asText() + "@"
                    + destination.path("host").asText() + ":"
                    + destination.path("port").asText() + "/"
                    + destination.path("database").asText();
        }
        return destination.path("path").asText();
    }
}
