package dev.sluice.cli.template;

import dev.sluice.cli.CliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The project templates {@code sluice init} can write. Each is a folder {@code <root>/<name>}; the
 * Maven wrapper every project gets is in {@code <root>/_wrapper}. The bundled catalog lives in the
 * CLI jar under {@code templates/}, copied there at build time from the repository's examples.
 */
public final class TemplateCatalog implements AutoCloseable {

    /** The template used when none is named. */
    public static final String DEFAULT = "hello";

    /** The folder of the Maven wrapper, not a template. */
    public static final String WRAPPER = "_wrapper";

    /** What each known template is, in the order {@code --help} lists them. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    private final Path root;
    private final FileSystem jar;

    private TemplateCatalog(Path root, FileSystem jar) {
        this.root = root;
        this.jar = jar;
    }

    private static Map<String, String> descriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put("hello", "the smallest connector: one class that writes one row, with a test (default)");
        descriptions.put("quickstart", "a fuller starting point: configuration, state and incremental sync");
        return descriptions;
    }

    /**
     * @param root a folder holding template folders and {@code _wrapper}
     * @return the catalog of that folder
     */
    public static TemplateCatalog at(Path root) {
        return new TemplateCatalog(root, null);
    }

    /**
     * @return the templates bundled in the CLI
     * @throws CliException when the CLI was built without them
     */
    public static TemplateCatalog bundled() {
        URL marker = TemplateCatalog.class.getResource("/templates/" + WRAPPER + "/mvnw");
        if (marker == null) {
            throw new CliException("This sluice build has no templates: rebuild it from the repository (./sluice does)");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                String text = uri.toString();
                URI jarUri = URI.create(text.substring(0, text.indexOf("!/")));
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(jarUri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    return new TemplateCatalog(FileSystems.getFileSystem(jarUri).getPath("/templates"), null);
                }
                return new TemplateCatalog(fs.getPath("/templates"), fs);
            }
            return at(Path.of(uri).getParent().getParent());
        } catch (URISyntaxException | IOException e) {
            throw new CliException("Cannot read the bundled templates: " + e.getMessage(), e);
        }
    }

    /** @return the names of the templates present, sorted */
    public List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString().replace("/", ""))
                    .filter(name -> !name.equals(WRAPPER))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name a template name
     * @return its folder
     * @throws CliException naming the available templates when there is no such template
     */
    public Path template(String name) {
        List<String> names = names();
        if (!names.contains(name)) {
            throw new CliException("Unknown template '" + name + "'. Templates: " + describe(names));
        }
        return root.resolve(name);
    }

    /** @return the Maven wrapper folder ({@code mvnw}, {@code mvnw.cmd}, {@code .mvn/wrapper/...}) */
    public Path wrapper() {
        return root.resolve(WRAPPER);
    }

    /**
     * @param names template names
     * @return them with their descriptions, e.g. {@code hello (the smallest ...), quickstart (...)}
     */
    public static String describe(List<String> names) {
        if (names.isEmpty()) {
            return "none in this build";
        }
        return names.stream()
                .map(n -> DESCRIPTIONS.containsKey(n) ? n + " (" + DESCRIPTIONS.get(n) + ")" : n)
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        if (jar != null) {
            try {
                jar.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
