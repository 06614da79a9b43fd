package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with real processes: the packaged {@code target/sluice.jar} creates a project, builds
 * it with Maven, syncs it into DuckDB, and the generated project's own build passes. Needs the
 * Sluice artifacts in the local repository (bound {@code invoker:install} does that before the ITs).
 */
class SluiceCliIT {

    private static final long TIMEOUT_MINUTES = 10;

    @TempDir
    Path tmp;

    record Result(int exitCode, String output) {}

    private static Path jar() {
        return Path.of(System.getProperty("sluice.jar", "target/sluice.jar")).toAbsolutePath();
    }

    private Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(tmp, "process", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        String home = System.getProperty("sluice.home");
        if (home != null) {
            builder.environment()
                    .put(
                            "SLUICE_HOME",
                            Path.of(home).toAbsolutePath().normalize().toString());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + TIMEOUT_MINUTES + " minutes:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private Result sluice(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return run(tmp, command);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void initDebugAndTheGeneratedProjectsOwnBuild() throws Exception {
        Path project = tmp.resolve("myconn");

        Result init = sluice("init", project.toString(), "--template", "hello");
        assertThat(init.exitCode()).as(init.output()).isZero();
        assertThat(init.output()).contains("cd " + project, "sluice debug");
        assertThat(project.resolve("mvnw")).isExecutable();
        assertThat(Files.readString(project.resolve("pom.xml")))
                .contains("<relativePath/>", "<groupId>com.example</groupId>", "<artifactId>myconn</artifactId>");
        assertThat(project.resolve("src/main/java/com/example/myconn/MyconnConnector.java"))
                .isRegularFile();
        assertThat(project.resolve("src/test/java/com/example/myconn/MyconnConnectorTest.java"))
                .isRegularFile();

        Result debug = sluice("debug", project.toString());
        assertThat(debug.exitCode()).as(debug.output()).isZero();
        assertThat(debug.output())
                .contains("Building " + project, "SYNC PROGRESS:", "Sync SUCCEEDED", "(schema tester)");
        assertThat(project.resolve("files/warehouse.db")).isRegularFile();

        Result again = sluice("debug", project.toString());
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).doesNotContain("Building ").contains("Sync SUCCEEDED");

        Result tables = sluice("tables", project.toString());
        assertThat(tables.exitCode()).as(tables.output()).isZero();
        assertThat(tables.output()).contains("(schema tester)");

        Result verify = run(project, List.of(project.resolve("mvnw").toString(), "-q", "-B", "verify"));
        assertThat(verify.exitCode()).as(verify.output()).isZero();

        Files.delete(project.resolve("src/main/resources/META-INF/services/dev.sluice.sdk.Connector"));
        Result deleted = sluice("debug", project.toString());
        assertThat(deleted.exitCode()).as(deleted.output()).isNotZero();
        assertThat(deleted.output())
                .contains("Building " + project, "No connector found in " + project)
                .doesNotContain("Sync SUCCEEDED");
    }

    @Test
    void aConfigurationThatIsNotJsonFailsNamingTheFile() throws Exception {
        Path project = tmp.resolve("badconf");
        assertThat(sluice("init", project.toString()).exitCode()).isZero();
        Files.writeString(project.resolve("configuration.json"), "api_key: not json");

        Result debug = sluice("debug", project.toString());

        assertThat(debug.exitCode()).as(debug.output()).isEqualTo(1);
        assertThat(debug.output()).contains("configuration.json").doesNotContain("\tat ");
    }

    @Test
    void unknownCommandsGetASuggestionAndExit2() throws Exception {
        Result result = sluice("debgu");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("Did you mean", "debug");
    }
}
