package dev.sluice.cli.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ProjectBuildTest {

    @TempDir
    Path tmp;

    Path project;
    ProjectBuild build;

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(tmp.resolve("root/conn"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path source = project.resolve("src/main/java/com/example/C.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class C {}");
        age(project.resolve("pom.xml"), 100);
        age(source, 100);
        build = new ProjectBuild(project, new MavenLocator(Map.of("PATH", ""), false));
    }

    private static void age(Path file, int secondsAgo) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - secondsAgo * 1000L));
    }

    private void classpathFile(int secondsAgo) throws IOException {
        Files.createDirectories(project.resolve("target"));
        Files.writeString(build.classpathFile(), "");
        age(build.classpathFile(), secondsAgo);
        build.recordSources();
    }

    @Test
    void staleWhenAFileUnderSrcMainWasDeleted() throws IOException {
        Path services = project.resolve("src/main/resources/META-INF/services/dev.sluice.sdk.Connector");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "com.example.C");
        age(services, 100);
        classpathFile(10);
        assertThat(build.isStale()).isFalse();

        Files.delete(services);

        assertThat(build.isStale()).isTrue();
    }

    @Test
    void staleWhenAFileUnderSrcMainWasRenamedKeepingItsTime() throws IOException {
        classpathFile(10);
        Path source = project.resolve("src/main/java/com/example/C.java");

        Files.move(source, source.resolveSibling("D.java"));

        assertThat(build.isStale()).isTrue();
    }

    @Test
    void staleWhenBuiltWithoutARecordOfItsSources() throws IOException {
        classpathFile(10);
        Files.delete(project.resolve(ProjectBuild.SOURCES_FILE));

        assertThat(build.isStale()).isTrue();
    }

    @Test
    void staleWithoutAClasspathFile() {
        assertThat(build.isStale()).isTrue();
    }

    @Test
    void freshWhenTheClasspathFileIsNewerThanEverySource() throws IOException {
        classpathFile(10);
        assertThat(build.isStale()).isFalse();
    }

    @Test
    void staleWhenThePomChanged() throws IOException {
        classpathFile(10);
        age(project.resolve("pom.xml"), 1);
        assertThat(build.isStale()).isTrue();
    }

    @Test
    void staleWhenAnyFileUnderSrcMainChanged() throws IOException {
        classpathFile(10);
        Path resource = project.resolve("src/main/resources/META-INF/services/dev.sluice.sdk.Connector");
        Files.createDirectories(resource.getParent());
        Files.writeString(resource, "com.example.C");
        assertThat(build.isStale()).isTrue();
    }

    @Test
    void testSourcesDoNotMakeItStale() throws IOException {
        classpathFile(10);
        Path test = project.resolve("src/test/java/CTest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, "class CTest {}");
        assertThat(build.isStale()).isFalse();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void prefersTheProjectsWrapperThenTheNearestParentsThenSluiceHomeThenPath() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path mvn = executable(bin.resolve("mvn"));
        Map<String, String> env = Map.of("PATH", bin.toString(), "SLUICE_HOME", home.toString());
        MavenLocator locator = new MavenLocator(env, false);

        assertThat(locator.locate(project)).contains(mvn);
        Path homeWrapper = executable(home.resolve("mvnw"));
        assertThat(locator.locate(project)).contains(homeWrapper);
        Path parentWrapper = executable(tmp.resolve("root/mvnw"));
        assertThat(locator.locate(project)).contains(parentWrapper);
        Path ownWrapper = executable(project.resolve("mvnw"));
        assertThat(locator.locate(project)).contains(ownWrapper);
    }

    @Test
    void noMavenAnywhereIsExplained() {
        assertThatThrownBy(build::command)
                .isInstanceOf(CliException.class)
                .hasMessageContaining("Cannot build " + project)
                .hasMessageContaining("no Maven found");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void runsMavenInTheProjectAndWritesTheClasspathFile() throws IOException {
        executable(
                project.resolve("mvnw"),
                "#!/bin/sh\n"
                        + "echo \"$PWD $*\" > args.txt\n"
                        + "mkdir -p target && echo /x/lib.jar > target/sluice.classpath\n");

        ProjectBuild.Outcome outcome = build.run();

        assertThat(outcome.succeeded()).isTrue();
        assertThat(Files.readString(project.resolve("args.txt")).strip())
                .isEqualTo(project
                        + " -q -B compile dependency:build-classpath -Dmdep.outputFile=target/sluice.classpath"
                        + " -DincludeScope=runtime");
        assertThat(build.isStale()).isFalse();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aBuildAfterADeletedSourceStartsClean() throws IOException {
        executable(
                project.resolve("mvnw"),
                "#!/bin/sh\n"
                        + "echo \"$*\" > args.txt\n"
                        + "mkdir -p target && echo /x/lib.jar > target/sluice.classpath\n");
        build.run();
        assertThat(Files.readString(project.resolve("args.txt"))).startsWith("-q -B compile ");

        Files.delete(project.resolve("src/main/java/com/example/C.java"));
        assertThat(build.isStale()).isTrue();
        build.run();

        assertThat(Files.readString(project.resolve("args.txt"))).startsWith("-q -B clean compile ");
        assertThat(build.isStale()).isFalse();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aFailedBuildKeepsTheTailOfMavensOutput() throws IOException {
        executable(
                project.resolve("mvnw"),
                "#!/bin/sh\n"
                        + "i=0; while [ $i -lt 100 ]; do echo \"line $i\"; i=$((i+1)); done\n"
                        + "echo '[ERROR] C.java:[1,9] cannot find symbol' >&2\n"
                        + "exit 1\n");

        ProjectBuild.Outcome outcome = build.run();

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.outputTail())
                .hasSizeLessThanOrEqualTo(60)
                .contains("line 99")
                .doesNotContain("line 0")
                .last()
                .isEqualTo("[ERROR] C.java:[1,9] cannot find symbol");
        assertThat(build.isStale()).isTrue();
    }

    private static Path executable(Path file) throws IOException {
        return executable(file, "#!/bin/sh\nexit 0\n");
    }

    private static Path executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
