package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.fixture.ConnectorProjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands Sluice prints run as printed: each is pasted into {@code sh} in the folder the user
 * is in, with a {@code sluice} on the PATH that runs the packaged jar. The project folder has a
 * space in its name and the table a name that needs SQL quotes.
 */
@DisabledOnOs(OS.WINDOWS)
class PastedHintsIT {

    private static final Pattern QUERY_HINT = Pattern.compile("Query it with: (.*)");

    @TempDir
    Path tmp;

    record Result(int exitCode, String output) {}

    @Test
    void theQueryHintRunsFromTheFolderOfTheSyncAndFromInsideTheProject() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path project = ConnectorProjects.create(
                work.resolve("my project"), Map.of("com.example.Camel", """
                        package com.example;
                        import dev.sluice.sdk.*;
                        import java.util.Map;
                        public class Camel implements Connector {
                          @Override public void update(Configuration c, State state, Operations operations) {
                            operations.upsert("CamelCaseTable", Map.of("Id", 1, "Text", "it's"));
                            operations.checkpoint(state);
                          }
                        }
                        """), List.of("com.example.Camel"));
        Files.writeString(project.resolve("configuration.json"), "{}");

        Result debug = shell(work, "sluice debug 'my project' --naming source");
        assertThat(debug.exitCode()).as(debug.output()).isZero();
        String hint = hint(debug.output());
        assertThat(hint).isEqualTo("sluice query \"my project\" 'SELECT * FROM tester.\"CamelCaseTable\" LIMIT 10'");

        Result pasted = shell(work, hint);
        assertThat(pasted.exitCode()).as(pasted.output()).isZero();
        assertThat(pasted.output()).contains("it's", "(1 row)");

        Path inside = Files.createDirectories(project.resolve("src/main/java"));
        Result tables = shell(inside, "sluice tables");
        assertThat(tables.exitCode()).as(tables.output()).isZero();
        String fromInside = hint(tables.output());
        assertThat(fromInside).startsWith("sluice query ../../.. ");
        Result pastedInside = shell(inside, fromInside);
        assertThat(pastedInside.exitCode()).as(pastedInside.output()).isZero();
        assertThat(pastedInside.output()).contains("it's", "(1 row)");
    }

    private static String hint(String output) {
        Matcher matcher = QUERY_HINT.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }

    /** Runs a command line in {@code sh} in a folder, with a {@code sluice} on the PATH that runs the packaged jar. */
    private Result shell(Path folder, String commandLine) throws IOException, InterruptedException {
        Path bin = tmp.resolve("bin");
        Path sluice = bin.resolve("sluice");
        if (!Files.exists(sluice)) {
            Files.createDirectories(bin);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path jar = Path.of(System.getProperty("sluice.jar", "target/sluice.jar"))
                    .toAbsolutePath();
            Files.writeString(sluice, "#!/bin/sh\nexec '" + java + "' -jar '" + jar + "' \"$@\"\n");
            Files.setPosixFilePermissions(sluice, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path log = Files.createTempFile(tmp, "shell", ".log");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", commandLine)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(commandLine + " did not finish:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
