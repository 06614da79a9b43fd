package dev.sluice.engine.runtime;

import dev.sluice.engine.ProjectLayout;
import dev.sluice.sdk.SyncException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath a connector runs with: {@code target/classes} then the entries of
 * {@code target/sluice.classpath}, less the jars the CLI itself provides to every connector (the
 * SDK and the SLF4J API).
 */
public final class ConnectorClasspath {

    private ConnectorClasspath() {}

    /**
     * @param project the built connector project
     * @return the entries, in order
     * @throws SyncException when the classpath file cannot be read
     */
    public static List<Path> of(Path project) {
        List<Path> entries = new ArrayList<>();
        entries.add(ProjectLayout.of(project).classesDir());
        Path file = ProjectLayout.of(project).classpathFile();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SyncException(
                    "Cannot read " + file + ": " + e.getMessage() + ". Run `sluice debug` again to rebuild", e);
        }
        for (String entry : text.strip().split(File.pathSeparator)) {
            String trimmed = entry.strip();
            if (!trimmed.isEmpty() && !providedByCli(Path.of(trimmed))) {
                entries.add(Path.of(trimmed));
            }
        }
        return entries;
    }

    /**
     * @param entry a classpath entry
     * @return whether the CLI supplies it (the SDK or the SLF4J API), so the connector must not
     */
    public static boolean providedByCli(Path entry) {
        String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
        return name.endsWith(".jar") && (name.startsWith("sluice-sdk-") || name.startsWith("slf4j-api-"));
    }

    /**
     * @param entries classpath entries
     * @return them as URLs for a class loader
     */
    public static URL[] toUrls(List<Path> entries) {
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new SyncException("Bad classpath entry " + entries.get(i) + ": " + e.getMessage(), e);
            }
        }
        return urls;
    }
}
