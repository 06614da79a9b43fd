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
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The project templates {@code sluice init} can write. Each is a folder {@code <root>/<name>}; the
 * Maven wrapper every project gets is in {@code <root>/_wrapper}. The bundled catalog lives in the
 * CLI jar under {@code templates/}, copied there at build time from the repository's examples; a
 * template describes itself in the {@code <description>} of its {@code pom.xml}.
 */
public final class TemplateCatalog implements AutoCloseable {

    /** The template used when none is named. */
    public static final String DEFAULT = "hello";

    /** The folder of the Maven wrapper, not a template. */
    public static final String WRAPPER = "_wrapper";

    private final Path root;
    private final FileSystem jar;

    private TemplateCatalog(Path root, FileSystem jar) {
        this.root = root;
        this.jar = jar;
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
            throw new CliException(
                    "This sluice build has no templates: rebuild it from the repository (./sluice does)");
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
     * @throws CliException naming the available templates, and the closest one to {@code name},
     *     when there is no such template
     */
    public Path template(String name) {
        List<String> names = names();
        if (!names.contains(name)) {
            String guess = Suggestions.closest(name, names)
                    .map(n -> " Did you mean '" + n + "'?")
                    .orElse("");
            throw new CliException("Unknown template '" + name + "'." + guess + " Templates: "
                    + String.join(", ", names) + ". Run `sluice init --list` to see what each one is.");
        }
        return root.resolve(name);
    }

    /** @return the Maven wrapper folder ({@code mvnw}, {@code mvnw.cmd}, {@code .mvn/wrapper/...}) */
    public Path wrapper() {
        return root.resolve(WRAPPER);
    }

    /**
     * @param name a template name
     * @return the template's one-line description, from the {@code <description>} of its
     *     {@code pom.xml}; empty when it has none
     * @throws CliException when there is no such template or its pom.xml cannot be read
     */
    public String description(String name) {
        Path pom = template(name).resolve("pom.xml");
        try (var in = Files.newInputStream(pom)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(in).getDocumentElement();
            for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
                if ("description".equals(child.getNodeName())) {
                    return child.getTextContent().strip().replaceAll("\\s+", " ");
                }
            }
            return "";
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new CliException("Cannot read the pom.xml of template '" + name + "': " + e.getMessage(), e);
        }
    }

    /** @return every template name mapped to its description, in name order */
    public Map<String, String> descriptions() {
        return names().stream().collect(Collectors.toMap(n -> n, this::description, (a, b) -> a, LinkedHashMap::new));
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
