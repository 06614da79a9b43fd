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
 * Writes a new connector project from a template: the template's files, its {@code pom.xml} made
 * to stand alone and named after the folder, the Maven wrapper (with {@code mvnw} executable) and
 * a {@code .gitignore}. Refuses a folder that holds anything but dot-files.
 */
public final class ProjectGenerator {

    private static final String GITIGNORE = "target/\nfiles/\n*.class\n.idea/\n*.iml\n.vscode/\n";

    private final TemplateCatalog catalog;

    /** @param catalog where templates come from */
    public ProjectGenerator(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param templateName the template to use
     * @param target the project folder; created when missing
     * @return the artifactId given to the project
     * @throws CliException when the template is unknown or the folder is not empty
     */
    public String generate(String templateName, Path target) {
        Path template = catalog.template(templateName);
        refuseNonEmpty(target);
        String artifactId = MavenNames.artifactId(
                target.getFileName() == null ? "" : target.getFileName().toString());
        try {
            Files.createDirectories(target);
            copyTree(template, target, artifactId);
            copyTree(catalog.wrapper(), target, null);
            makeExecutable(target.resolve("mvnw"));
            Path gitignore = target.resolve(".gitignore");
            if (!Files.exists(gitignore)) {
                Files.writeString(gitignore, GITIGNORE, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CliException("Cannot write the project into " + target + ": " + e.getMessage(), e);
        }
        return artifactId;
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

    private static void copyTree(Path from, Path to, String artifactId) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toCollection(ArrayList::new));
        }
        for (Path file : files) {
            String relative = from.relativize(file).toString().replace('\\', '/');
            Path destination = to.resolve(relative);
            Files.createDirectories(destination.getParent());
            if (artifactId != null && relative.equals("pom.xml")) {
                String pom = Files.readString(file, StandardCharsets.UTF_8);
                Files.writeString(destination, MavenNames.rewritePom(pom, artifactId), StandardCharsets.UTF_8);
            } else {
                Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
            }
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
