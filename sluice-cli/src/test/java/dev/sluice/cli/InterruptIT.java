package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.fixture.ConnectorProjects;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) during {@code sluice debug}, as a real process: it exits with 130 and says on
 * stderr which checkpoint state is at and the command that resumes, which then does.
 */
@DisabledOnOs(OS.WINDOWS)
class InterruptIT {

    private static final String CONNECTOR = """
            package com.example;
            import dev.sluice.sdk.*;
            import java.util.Map;
            public class Slow implements Connector {
              @Override public void update(Configuration c, State state, Operations operations) throws Exception {
                if (state.getLong("step", 0) == 1) {
                  operations.upsert("items", Map.of("id", 2));
                  operations.checkpoint(state.put("step", 2));
                  return;
                }
                operations.upsert("items", Map.of("id", 1));
                operations.checkpoint(state.put("step", 1));
                System.out.println("WAITING FOR CTRL-C");
                System.out.flush();
                Thread.sleep(600_000);
              }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void ctrlCExitsWith130SayingWhereStateIsAndHowToResume() throws Exception {
        Path project = ConnectorProjects.create(
                tmp.resolve("slow"), Map.of("com.example.Slow", CONNECTOR), List.of("com.example.Slow"));
        Files.writeString(project.resolve("configuration.json"), "{}");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jar =
                Path.of(System.getProperty("sluice.jar", "target/sluice.jar")).toAbsolutePath();
        Path err = tmp.resolve("stderr.log");
        Process debug = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "debug", "slow")
                .directory(tmp.toFile())
                .redirectError(err.toFile())
                .start();
        debug.getOutputStream().close();
        List<String> out = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(debug.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && !line.equals("WAITING FOR CTRL-C")) {
                out.add(line);
            }
            assertThat(line)
                    .as("the connector never reached its wait:\n" + String.join("\n", out) + "\n"
                            + Files.readString(err))
                    .isNotNull();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(debug.pid()))
                    .inheritIO()
                    .start();
            assertThat(kill.waitFor()).isZero();
            reader.lines().forEach(out::add);
        }
        assertThat(debug.waitFor(2, TimeUnit.MINUTES)).isTrue();

        String stderr = Files.readString(err);
        assertThat(debug.exitValue()).as(stderr).isEqualTo(130);
        assertThat(stderr)
                .contains("interrupted: state is at checkpoint 1 of this sync (slow/files/state.json);"
                        + " run `sluice debug slow` again to resume")
                .doesNotContain("\tat ");
        assertThat(String.join("\n", out)).doesNotContain("SYNC PROGRESS");
        assertThat(Files.readString(project.resolve("files/state.json")))
                .contains("\"step\"")
                .contains("1");

        Process resume = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "debug", "slow")
                .directory(tmp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("resume.log").toFile())
                .start();
        assertThat(resume.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String resumed = Files.readString(tmp.resolve("resume.log"));
        assertThat(resume.exitValue()).as(resumed).isZero();
        assertThat(resumed).contains("previous state: {step=1}", "Sync SUCCEEDED");
    }
}
