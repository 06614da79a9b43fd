package dev.sluice.cli.template;

import dev.sluice.cli.CliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a new connector project from a template: the template's files moved to the project's
 * package, its connector class renamed after the project, its {@code pom.xml} made to stand alone
 * with the project's coordinates and name, its README rewritten for the project's folder, the Maven
 * wrapper (with {@code mvnw} executable) and a {@code .gitignore}. Refuses a folder that holds
 * anything but dot-files.
 */
public final class ProjectGenerator {

    private static final String SERVICES = "src/main/resources/META-INF/services/dev.sluice.sdk.Connector";

    private static final String GITIGNORE = "target/\nfiles/\n*.class\n.idea/\n*.iml\n.vscode/\n";

    private final TemplateCatalog catalog;

    /** @param catalog where templates come from */
    public ProjectGenerator(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param templateName the template to use
     * @param target the project folder; created when missing
     * @param project the names to give the project
     * @throws CliException when the template is unknown or the folder is not empty
     */
    public void generate(String templateName, Path target, ProjectIdentity project) {
        Path template = catalog.template(templateName);
        refuseNonEmpty(target);
        String description = catalog.description(templateName);
        try {
            TemplateRewriter rewriter = new TemplateRewriter(connectorClass(template, templateName), project);
            ReadmeRewriter readme = new ReadmeRewriter(templateName, description, project);
            Files.createDirectories(target);
            for (String relative : files(template)) {
                Path from = template.resolve(relative);
                Path to = target.resolve(rewriter.path(relative));
                Files.createDirectories(to.getParent());
                if (relative.equals("pom.xml")) {
                    write(to, MavenNames.rewritePom(read(from), project));
                } else if (relative.equals("README.md")) {
                    write(to, readme.rewrite(rewriter.text(read(from))));
                } else if (TemplateRewriter.isText(relative)) {
                    write(to, rewriter.text(read(from)));
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path wrapper = catalog.wrapper();
            for (String relative : files(wrapper)) {
                Path to = target.resolve(relative);
                Files.createDirectories(to.getParent());
                Files.copy(wrapper.resolve(relative), to, StandardCopyOption.REPLACE_EXISTING);
            }
            makeExecutable(target.resolve("mvnw"));
            Path gitignore = target.resolve(".gitignore");
            if (!Files.exists(gitignore)) {
                Files.writeString(gitignore, GITIGNORE, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CliException("Cannot write the project into " + target + ": " + e.getMessage(), e);
        }
    }

    /** The connector class the template registers in its services file. */
    private static String connectorClass(Path template, String name) throws IOException {
        Path services = template.resolve(SERVICES);
        if (!Files.isRegularFile(services)) {
            throw new CliException("Template '" + name + "' has no " + SERVICES + ": it cannot be used by sluice init");
        }
        return Files.readAllLines(services, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .findFirst()
                .orElseThrow(() -> new CliException("Template '" + name + "' names no class in " + SERVICES
                        + ": it cannot be used by sluice init"));
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toCollection(ArrayList::new));
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void refuseNonEmpty(Path target) {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new CliException(target + " is a file: choose a folder name for the new project");
        }
        if (!Files.isDirectory(target)) {
            return;
        }
        List<String> visible;
        try (Stream<Path> entries = Files.list(target)) {
            visible = entries.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!visible.isEmpty()) {
            String shown = visible.size() > 5
                    ? String.join(", ", visible.subList(0, 5)) + ", ..."
                    : String.join(", ", visible);
            throw new CliException(target + " is not empty (it holds " + shown
                    + "): choose a new or empty folder, e.g. `sluice init my-connector`");
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            permissions.addAll(Files.getPosixFilePermissions(file));
            permissions.addAll(EnumSet.of(
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, permissions);
        } else if (!file.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + file + " executable");
        }
    }
}
