package dev.sluice.engine;

import java.nio.file.Path;

/**
 * Where things live in a connector project: every command, the test kit and the runtime take the
 * project's paths from here. {@code configuration.json} at the root; {@code files/state.json} and
 * {@code files/warehouse.db} (schema {@value #SCHEMA}) written by local syncs; the build's output
 * under {@code target/}.
 *
 * @param dir the project folder, absolute
 */
public record ProjectLayout(Path dir) {

    /** The schema local syncs write the connector's tables to, as Fivetran's local tester does. */
    public static final String SCHEMA = "tester";
    /** The file, under {@code target/}, where a build writes the connector's runtime classpath. */
    public static final String CLASSPATH_FILE = "target/sluice.classpath";

    /** @param dir the project folder; made absolute and normalized */
    public ProjectLayout {
        dir = dir.toAbsolutePath().normalize();
    }

    /**
     * @param dir a project folder
     * @return its layout
     */
    public static ProjectLayout of(Path dir) {
        return new ProjectLayout(dir);
    }

    /** @return {@code pom.xml} */
    public Path pom() {
        return dir.resolve("pom.xml");
    }

    /** @return {@code configuration.json} */
    public Path configurationFile() {
        return dir.resolve("configuration.json");
    }

    /** @return {@code files/}, what local syncs write */
    public Path filesDir() {
        return dir.resolve("files");
    }

    /** @return {@code files/state.json} */
    public Path stateFile() {
        return filesDir().resolve("state.json");
    }

    /** @return {@code files/warehouse.db} */
    public Path warehouseFile() {
        return filesDir().resolve("warehouse.db");
    }

    /** @return {@code target/classes} */
    public Path classesDir() {
        return dir.resolve("target/classes");
    }

    /** @return {@code target/sluice.classpath} */
    public Path classpathFile() {
        return dir.resolve(CLASSPATH_FILE);
    }
}
