package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.engine.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Resolves the optional project folder argument of the commands. As git and Maven do, a folder
 * inside a project (say its {@code src/}) stands for the project: the nearest folder, from the given
 * one upwards, that looks like one.
 */
final class ProjectDirs {

    private ProjectDirs() {}

    /**
     * @param dir the argument, or null for the current folder
     * @return the nearest folder from {@code dir} upwards holding a {@code pom.xml},
     *     {@code configuration.json} or a synced {@code files/}; {@code dir} itself when none does
     * @throws CliException when {@code dir} is not an existing folder
     */
    static Path existing(Path dir) {
        Path start = start(dir);
        Path found = nearest(start, ProjectDirs::looksLikeProject);
        return found != null ? found : start;
    }

    /**
     * @param dir the argument, or null for the current folder
     * @return the nearest folder from {@code dir} upwards holding a {@code pom.xml}
     * @throws CliException when there is none
     */
    static Path mavenProject(Path dir) {
        Path start = start(dir);
        Path found = nearest(start, folder -> Files.isRegularFile(folder.resolve("pom.xml")));
        if (found == null) {
            throw new CliException("No pom.xml in " + start + " or a folder above it: run this in a connector project"
                    + " folder (or name one), or create a project with `sluice init my-connector`");
        }
        return found;
    }

    private static Path start(Path dir) {
        Path resolved = (dir == null ? Path.of("") : dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(resolved)) {
            throw new CliException("No such folder: " + resolved);
        }
        return resolved;
    }

    private static Path nearest(Path start, Predicate<Path> isProject) {
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (isProject.test(folder)) {
                return folder;
            }
        }
        return null;
    }

    private static boolean looksLikeProject(Path folder) {
        ProjectLayout layout = ProjectLayout.of(folder);
        return Files.isRegularFile(folder.resolve("pom.xml"))
                || Files.isRegularFile(layout.configurationFile())
                || Files.isRegularFile(layout.warehouseFile())
                || Files.isRegularFile(layout.stateFile());
    }
}
