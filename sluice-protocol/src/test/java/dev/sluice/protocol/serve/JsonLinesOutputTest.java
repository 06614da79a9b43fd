package dev.sluice.protocol.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesOutputTest {

    private static List<JsonNode> lines(String printed) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PrintStream stdout = new PrintStream(
                new JsonLinesOutput(new JsonLog(new PrintStream(sink, true, StandardCharsets.UTF_8))),
                true,
                StandardCharsets.UTF_8)) {
            stdout.print(printed);
        }
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : sink.toString(StandardCharsets.UTF_8).split("\n")) {
            nodes.add(new ObjectMapper().readTree(line));
        }
        return nodes;
    }

    @Test
    void everyLineBecomesAJsonObjectWithAFivetranLevel() throws Exception {
        List<JsonNode> nodes = lines("15:20:01.123 INFO QuickstartConnector - page 1 read\n"
                + "15:20:02.000 WARN EngineOperations - slow \"source\"\n"
                + "ERROR SyncExecution - it broke\n"
                + "java.lang.IllegalStateException: boom\n"
                + "\tat com.example.Thing.run(Thing.java:1)\n"
                + "plain println from a connector\n"
                + "15:20:03.000 DEBUG X - detail\n"
                + "last line without a break");

        assertThat(nodes)
                .extracting(n -> n.get("level").asText())
                .containsExactly("INFO", "WARNING", "SEVERE", "SEVERE", "SEVERE", "INFO", "INFO", "INFO");
        assertThat(nodes)
                .extracting(n -> n.get("message").asText())
                .containsExactly(
                        "page 1 read",
                        "slow \"source\"",
                        "it broke",
                        "java.lang.IllegalStateException: boom",
                        "\tat com.example.Thing.run(Thing.java:1)",
                        "plain println from a connector",
                        "detail",
                        "last line without a break");
        assertThat(nodes)
                .allSatisfy(n -> assertThat(n.get("message-origin").asText()).isEqualTo("sdk_connector"));
    }

    @Test
    void theLogWritesOneObjectPerLineWithTheThreeFields() {
        assertThat(JsonLog.line(JsonLog.Level.SEVERE, "a\nb"))
                .isEqualTo("{\"level\":\"SEVERE\",\"message\":\"a\\nb\",\"message-origin\":\"sdk_connector\"}");
    }
}
