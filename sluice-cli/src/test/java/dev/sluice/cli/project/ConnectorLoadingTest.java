package dev.sluice.cli.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.cli.fixture.ConnectorProjects;
import dev.sluice.cli.fixture.Greeting;
import dev.sluice.engine.runtime.ConnectorClasspath;
import dev.sluice.engine.runtime.LoadedConnector;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorLoadingTest {

    @TempDir
    Path tmp;

    @Test
    void loadsTheOneConnectorInItsOwnLoader() throws Exception {
        Path project = ConnectorProjects.create(
                tmp.resolve("one"),
                Map.of(
                        "com.example.OneConnector", ConnectorProjects.connector("com.example.OneConnector", 3),
                        "dev.sluice.cli.fixture.Greeting", ConnectorProjects.connectorGreeting()),
                List.of("com.example.OneConnector"));

        try (LoadedConnector loaded = LoadedConnector.load(project)) {
            assertThat(loaded.connector().getClass().getName()).isEqualTo("com.example.OneConnector");
            assertThat(loaded.connector().getClass().getClassLoader()).isSameAs(loaded.loader());
            assertThat(loaded.connector()).isInstanceOf(Connector.class);
        }
    }

    @Test
    void classesOfTheConnectorWinOverTheClisButTheSdkComesFromTheCli() throws Exception {
        Path project = ConnectorProjects.create(
                tmp.resolve("shadow"),
                Map.of(
                        "com.example.OneConnector", ConnectorProjects.connector("com.example.OneConnector", 1),
                        "dev.sluice.cli.fixture.Greeting", ConnectorProjects.connectorGreeting()),
                List.of("com.example.OneConnector"));

        try (LoadedConnector loaded = LoadedConnector.load(project)) {
            ClassLoader loader = loaded.loader();
            Class<?> greeting = loader.loadClass(Greeting.class.getName());
            assertThat(greeting).isNotSameAs(Greeting.class);
            assertThat(greeting.getClassLoader()).isSameAs(loader);
            assertThat(greeting.getMethod("from").invoke(null)).isEqualTo("connector");
            assertThat(Greeting.from()).isEqualTo("cli");

            assertThat(loader.loadClass(Connector.class.getName())).isSameAs(Connector.class);
            assertThat(loader.loadClass("org.slf4j.LoggerFactory")).isSameAs(org.slf4j.LoggerFactory.class);
            assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
            assertThat(loader.getResource("META-INF/services/dev.sluice.sdk.Connector")
                            .toString())
                    .contains(project.getFileName().toString());
        }
    }

    @Test
    void theClasspathFileLeavesOutTheSdkAndSlf4jApi() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("cp"));
        Files.createDirectories(project.resolve("target"));
        Files.writeString(
                project.resolve(ProjectBuild.CLASSPATH_FILE),
                ConnectorProjects.classpath(
                                Path.of("/repo/dev/sluice/sluice-sdk/0.1.0/sluice-sdk-0.1.0.jar"),
                                Path.of("/repo/org/slf4j/slf4j-api/2.0.20/slf4j-api-2.0.20.jar"),
                                Path.of("/repo/com/fasterxml/jackson-core-2.23.0.jar"),
                                Path.of("/repo/org/slf4j/slf4j-simple/2.0.20/slf4j-simple-2.0.20.jar"))
                        + "\n");

        assertThat(ConnectorClasspath.of(project))
                .containsExactly(
                        project.resolve("target/classes"),
                        Path.of("/repo/com/fasterxml/jackson-core-2.23.0.jar"),
                        Path.of("/repo/org/slf4j/slf4j-simple/2.0.20/slf4j-simple-2.0.20.jar"));
    }

    @Test
    void noServiceFileTellsWhereToAddOne() throws Exception {
        Path project = ConnectorProjects.create(
                tmp.resolve("none"),
                Map.of(
                        "com.example.OneConnector", ConnectorProjects.connector("com.example.OneConnector", 1),
                        "dev.sluice.cli.fixture.Greeting", ConnectorProjects.connectorGreeting()),
                List.of());
        Files.delete(project.resolve("target/classes/META-INF/services/dev.sluice.sdk.Connector"));

        assertThatThrownBy(() -> LoadedConnector.load(project))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("No connector found in " + project)
                .hasMessageContaining("src/main/resources/META-INF/services/dev.sluice.sdk.Connector");
    }

    @Test
    void twoConnectorsAreBothNamed() throws Exception {
        Path project = ConnectorProjects.create(
                tmp.resolve("two"),
                Map.of(
                        "com.example.First", ConnectorProjects.connector("com.example.First", 1),
                        "com.example.Second", ConnectorProjects.connector("com.example.Second", 1),
                        "dev.sluice.cli.fixture.Greeting", ConnectorProjects.connectorGreeting()),
                List.of("com.example.First", "com.example.Second"));

        assertThatThrownBy(() -> LoadedConnector.load(project))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("Found 2 connectors")
                .hasMessageContaining("com.example.First")
                .hasMessageContaining("com.example.Second")
                .hasMessageContaining("exactly one");
    }

    @Test
    void aConnectorThatCannotBeCreatedIsNamedWithTheCause() throws Exception {
        String source = "package com.example;\n"
                + "import dev.sluice.sdk.*;\n"
                + "public class Broken implements Connector {\n"
                + "  public Broken() { throw new IllegalStateException(\"no API key baked in\"); }\n"
                + "  public void update(Configuration c, State s, Operations o) {}\n"
                + "}\n";
        Path project = ConnectorProjects.create(
                tmp.resolve("broken"), Map.of("com.example.Broken", source), List.of("com.example.Broken"));

        assertThatThrownBy(() -> LoadedConnector.load(project))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("Cannot create the connector com.example.Broken")
                .hasMessageContaining("IllegalStateException: no API key baked in");
    }

    @Test
    void aConnectorWithoutANoArgumentConstructorIsExplained() throws Exception {
        String source = "package com.example;\n"
                + "import dev.sluice.sdk.*;\n"
                + "public class NeedsArgs implements Connector {\n"
                + "  public NeedsArgs(String key) {}\n"
                + "  public void update(Configuration c, State s, Operations o) {}\n"
                + "}\n";
        Path project = ConnectorProjects.create(
                tmp.resolve("args"), Map.of("com.example.NeedsArgs", source), List.of("com.example.NeedsArgs"));

        assertThatThrownBy(() -> LoadedConnector.load(project))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("com.example.NeedsArgs")
                .hasMessageContaining("public constructor without arguments");
    }

    @Test
    void aServiceFileNamingAMissingClassIsReported() throws Exception {
        Path project = ConnectorProjects.create(
                tmp.resolve("typo"),
                Map.of(
                        "com.example.OneConnector", ConnectorProjects.connector("com.example.OneConnector", 1),
                        "dev.sluice.cli.fixture.Greeting", ConnectorProjects.connectorGreeting()),
                List.of("com.example.OneConector"));

        assertThatThrownBy(() -> LoadedConnector.load(project))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("com.example.OneConector")
                .hasMessageContaining("META-INF/services/dev.sluice.sdk.Connector");
    }
}
