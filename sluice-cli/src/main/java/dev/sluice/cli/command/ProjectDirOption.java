package dev.sluice.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The optional connector project folder that most commands take as their first argument (a picocli mixin). */
final class ProjectDirOption {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "The connector project folder (default: the current folder).")
    Path dir;

    /**
     * @return the folder, absolute
     * @throws dev.sluice.cli.CliException when it is not an existing folder
     */
    Path existing() {
        return ProjectDirs.existing(dir);
    }

    /**
     * @return the connector project folder, absolute
     * @throws dev.sluice.cli.CliException when it is not a folder with a pom.xml
     */
    Path mavenProject() {
        return ProjectDirs.mavenProject(dir);
    }
}
