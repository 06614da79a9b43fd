package dev.sluice.cli.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files a connector's build reads: {@code pom.xml} and every file under {@code src/main}, as
 * sorted paths relative to the project. Compared with the listing saved at the last build, it
 * shows files deleted or renamed since, which modification times cannot.
 */
final class SourceListing {

    private SourceListing() {}

    /**
     * @param project the project folder
     * @return the relative paths ({@code /}-separated) of the build's input files, sorted
     */
    static List<String> of(Path project) {
        List<String> paths = new ArrayList<>();
        if (Files.isRegularFile(project.resolve("pom.xml"))) {
            paths.add("pom.xml");
        }
        Path sources = project.resolve("src/main");
        if (Files.isDirectory(sources)) {
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(Files::isRegularFile)
                        .map(f -> project.relativize(f).toString().replace('\\', '/'))
                        .forEach(paths::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        paths.sort(null);
        return paths;
    }

    /**
     * @param file a listing written by {@link #write}
     * @return its paths, or empty when there is no such file
     */
    static Optional<List<String>> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file where to write
     * @param paths the listing
     */
    static void write(Path file, List<String> paths) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, paths, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
