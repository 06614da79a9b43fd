package dev.sluice.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.CliRun;
import dev.sluice.cli.fixture.ConnectorProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class DebugCommandTest {

    @TempDir
    Path tmp;

    private Path builtProject() throws Exception {
        Path project = ConnectorProjects.create(
                tmp.resolve("greeter"),
                Map.of(
                        "com.example.Greeter", ConnectorProjects.connector("com.example.Greeter", 7),
                        "dev.sluice.cli.fixture.Greeting", ConnectorProjects.connectorGreeting()),
                List.of("com.example.Greeter"));
        Files.writeString(project.resolve("configuration.json"), "{\"api_key\": \"s3cr3t-value\"}");
        return project;
    }

    @Test
    void syncsABuiltProjectAndShowsWhatLanded() throws Exception {
        Path project = builtProject();

        CliRun run = CliRun.sluice("debug", project.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .doesNotContain("Building ")
                .contains("SYNC PROGRESS:", "Sync SUCCEEDED", "(schema tester)", "greetings")
                .contains("tester.greetings (5 of 7 rows):")
                .contains("connector")
                .doesNotContain("s3cr3t-value");
        assertThat(project.resolve("files/warehouse.db")).isRegularFile();
        assertThat(project.resolve("files/state.json")).isRegularFile();
    }

    @Test
    void aConfigurationThatIsNotJsonFailsTheSyncNamingTheFile() throws Exception {
        Path project = builtProject();
        Files.writeString(project.resolve("configuration.json"), "api_key = s3cr3t-value");

        CliRun run = CliRun.sluice("debug", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Sync FAILED: ", "configuration.json").doesNotContain("Tables in");
        assertThat(run.out() + run.err()).doesNotContain("s3cr3t-value");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aFailedBuildShowsMavensOutputAndNamesTheProject() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path mvnw = project.resolve("mvnw");
        Files.writeString(
                mvnw,
                "#!/bin/sh\necho '[ERROR] Greeter.java:[3,1] class, interface, enum, or record expected'\nexit 1\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));

        CliRun run = CliRun.sluice("debug", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Building " + project + " ...");
        assertThat(run.err())
                .contains("[ERROR] Greeter.java:[3,1]")
                .contains("Error: Building " + project + " failed (Maven exit code 1)");
    }
}
