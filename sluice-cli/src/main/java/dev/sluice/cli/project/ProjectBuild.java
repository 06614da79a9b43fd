package dev.sluice.cli.project;

import dev.sluice.cli.CliException;
import dev.sluice.engine.ProjectLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compiles a connector project with Maven and records its runtime classpath in
 * {@code target/sluice.classpath}, and the files it was built from in {@code target/sluice.sources}.
 * The project is stale, and needs a build, when either file is missing, when the classpath file is
 * older than {@code pom.xml} or any file under {@code src/main}, or when a file was added, deleted
 * or renamed there since the last build.
 */
public final class ProjectBuild {

    /** Where the build writes the runtime classpath, relative to the project. */
    public static final String CLASSPATH_FILE = ProjectLayout.CLASSPATH_FILE;

    /** Where the build records the files it was built from, relative to the project. */
    public static final String SOURCES_FILE = "target/sluice.sources";

    private static final int TAIL_LINES = 60;

    private final Path project;
    private final MavenLocator maven;

    /**
     * @param project the connector project folder (holds {@code pom.xml})
     * @param maven finds the Maven to run
     */
    public ProjectBuild(Path project, MavenLocator maven) {
        this.project = project.toAbsolutePath().normalize();
        this.maven = maven;
    }

    /** @return {@code <project>/target/sluice.classpath} */
    public Path classpathFile() {
        return project.resolve(CLASSPATH_FILE);
    }

    /** @return whether the project must be built before its connector can be loaded */
    public boolean isStale() {
        Path classpath = classpathFile();
        if (!Files.isRegularFile(classpath)) {
            return true;
        }
        if (!SourceListing.read(sourcesFile()).equals(Optional.of(SourceListing.of(project)))) {
            return true;
        }
        try {
            FileTime built = Files.getLastModifiedTime(classpath);
            if (newer(project.resolve("pom.xml"), built)) {
                return true;
            }
            Path sources = project.resolve("src/main");
            if (!Files.isDirectory(sources)) {
                return false;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                return files.filter(Files::isRegularFile).anyMatch(f -> newer(f, built));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code <project>/target/sluice.sources} */
    Path sourcesFile() {
        return project.resolve(SOURCES_FILE);
    }

    /**
     * Records the project's current source files as the ones the last build read; {@link #run()}
     * does it after every successful build, this is for a project built by other means.
     */
    public void recordSources() {
        SourceListing.write(sourcesFile(), SourceListing.of(project));
    }

    private static boolean newer(Path file, FileTime than) {
        try {
            return Files.exists(file) && Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the Maven command line that builds the project; it starts with {@code clean} when a
     *     file the last build read was deleted or renamed since
     */
    public List<String> command() {
        Path mvn = maven.locate(project)
                .orElseThrow(() -> new CliException("Cannot build " + project
                        + ": no Maven found (no mvnw in the project or a parent folder, none in $SLUICE_HOME, no mvn on"
                        + " the PATH). Install Maven or add the Maven wrapper to the project"));
        List<String> goals = lostSources() ? List.of("clean", "compile") : List.of("compile");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-q", "-B"));
        command.addAll(goals);
        command.addAll(
                List.of("dependency:build-classpath", "-Dmdep.outputFile=" + CLASSPATH_FILE, "-DincludeScope=runtime"));
        return command;
    }

    /**
     * @return whether a file the last build read is gone: Maven would leave its classes or
     *     resources in {@code target/classes}, so the build must start clean
     */
    private boolean lostSources() {
        List<String> now = SourceListing.of(project);
        return SourceListing.read(sourcesFile())
                .map(before -> !now.containsAll(before))
                .orElse(false);
    }

    /**
     * Runs the build in the project folder.
     *
     * @return Maven's exit code and the last lines it printed
     * @throws CliException when Maven cannot be found or started
     */
    public Outcome run() {
        List<String> command = command();
        try {
            Files.deleteIfExists(classpathFile());
            Files.deleteIfExists(sourcesFile());
            List<String> sources = SourceListing.of(project);
            Process process = new ProcessBuilder(command)
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            Deque<String> tail = new ArrayDeque<>();
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
            }
            int exit = process.waitFor();
            if (exit == 0 && !Files.isRegularFile(classpathFile())) {
                throw new CliException("Maven built " + project + " but wrote no " + CLASSPATH_FILE
                        + ": is it a jar project (packaging jar)?");
            }
            if (exit == 0) {
                SourceListing.write(sourcesFile(), sources);
            }
            return new Outcome(exit, new ArrayList<>(tail));
        } catch (IOException e) {
            throw new CliException("Cannot run " + command.get(0) + " in " + project + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while building " + project, e);
        }
    }

    /**
     * How a build ended.
     *
     * @param exitCode Maven's exit code, 0 on success
     * @param outputTail the last lines Maven printed
     */
    public record Outcome(int exitCode, List<String> outputTail) {

        /** @return whether the build succeeded */
        public boolean succeeded() {
            return exitCode == 0;
        }
    }
}
