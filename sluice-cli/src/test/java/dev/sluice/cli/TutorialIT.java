package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code docs/tutorial.md} as a reader would, in an empty folder with the built {@code sluice}
 * on the PATH: every shell command and every file it shows, in order (see {@link TutorialScript}).
 * The only change is the playground's port, a free one instead of the tutorial's 8765, so that
 * builds running side by side do not collide.
 */
@DisabledOnOs(OS.WINDOWS)
class TutorialIT {

    private static final String TUTORIAL_PORT = "8765";

    @TempDir
    Path tmp;

    private static Path home() {
        return Path.of(System.getProperty("sluice.home", "..")).toAbsolutePath().normalize();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Path sluiceOnPath() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path jar =
                Path.of(System.getProperty("sluice.jar", "target/sluice.jar")).toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path sluice = bin.resolve("sluice");
        Files.writeString(sluice, "#!/bin/sh\nexec '" + java + "' -Xmx320m -jar '" + jar + "' \"$@\"\n");
        Files.setPosixFilePermissions(sluice, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void everyCommandOfTheTutorialWorks() throws Exception {
        int port = freePort();
        String markdown = Files.readString(home().resolve("docs/tutorial.md"), StandardCharsets.UTF_8)
                .replace(TUTORIAL_PORT, String.valueOf(port));
        TutorialScript tutorial = TutorialScript.of(markdown, port);
        assertThat(tutorial.commands())
                .as("the tutorial's commands")
                .startsWith("sluice playground --port " + port + " &", "sluice init users-sync", "cd users-sync")
                .contains("sluice debug", "./mvnw -q verify");
        assertThat(tutorial.files())
                .containsExactly(
                        "pom.xml",
                        "src/main/java/com/example/userssync/UsersSyncConnector.java",
                        "configuration.json",
                        "src/test/java/com/example/userssync/UsersSyncConnectorTest.java");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path script = Files.writeString(tmp.resolve("tutorial.sh"), tutorial.script());
        Path log = tmp.resolve("tutorial.log");

        ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PATH", sluiceOnPath() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("SLUICE_HOME", home().toString());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(8, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("The tutorial did not finish in 8 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        Path project = work.resolve("users-sync");
        assertThat(output.split("Sync SUCCEEDED", -1)).as(output).hasSize(3);
        assertThat(output).contains("$ ./mvnw -q verify").doesNotContain("Sync FAILED");
        assertThat(project.resolve("files/state.json")).content().contains("\"users\"", "\"timestamp\"");
        assertThat(project.resolve("target/test-classes/com/example/userssync/UsersSyncConnectorTest.class"))
                .isRegularFile();
        assertThat(accepts(port)).as("the playground was stopped").isFalse();
    }
}
