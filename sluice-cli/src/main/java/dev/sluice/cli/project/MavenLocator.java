package dev.sluice.cli.project;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Maven to build a connector project with, in this order: the project's own Maven
 * wrapper, the wrapper of the nearest parent folder that has one, {@code $SLUICE_HOME/mvnw}, then
 * {@code mvn} on the {@code PATH}.
 */
public final class MavenLocator {

    private final Map<String, String> env;
    private final boolean windows;

    /**
     * @param env the environment to read {@code SLUICE_HOME} and {@code PATH} from
     */
    public MavenLocator(Map<String, String> env) {
        this(env, System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
    }

    MavenLocator(Map<String, String> env, boolean windows) {
        this.env = env;
        this.windows = windows;
    }

    /**
     * @param project the connector project folder
     * @return the Maven executable, if any
     */
    public Optional<Path> locate(Path project) {
        String wrapper = windows ? "mvnw.cmd" : "mvnw";
        for (Path dir = project.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(wrapper);
            if (runnable(candidate)) {
                return Optional.of(candidate);
            }
        }
        String home = env.get("SLUICE_HOME");
        if (home != null && !home.isBlank() && runnable(Path.of(home, wrapper))) {
            return Optional.of(Path.of(home, wrapper));
        }
        String path = env.getOrDefault("PATH", "");
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path candidate = Path.of(entry, windows ? "mvn.cmd" : "mvn");
            if (runnable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private boolean runnable(Path file) {
        return Files.isRegularFile(file) && (windows || Files.isExecutable(file));
    }
}
