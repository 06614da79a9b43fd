package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves the optional project folder argument of the commands. */
final class ProjectDirs {

    private ProjectDirs() {}

    /**
     * @param dir the argument, or null for the current folder
     * @return the folder, absolute
     * @throws CliException when it is not an existing folder
     */
    static Path existing(Path dir) {
        Path resolved = (dir == null ? Path.of("") : dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(resolved)) {
            throw new CliException("No such folder: " + resolved);
        }
        return resolved;
    }

    /**
     * @param dir the argument, or null for the current folder
     * @return the connector project folder, absolute
     * @throws CliException when it is not a folder with a pom.xml
     */
    static Path mavenProject(Path dir) {
        Path project = existing(dir);
        if (!Files.isRegularFile(project.resolve("pom.xml"))) {
            throw new CliException("No pom.xml in " + project + ": run this in a connector project folder"
                    + " (or name one), or create a project with `sluice init`");
        }
        return project;
    }
}
