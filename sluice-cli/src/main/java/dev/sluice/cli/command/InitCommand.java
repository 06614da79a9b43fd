package dev.sluice.cli.command;

import dev.sluice.cli.template.ProjectGenerator;
import dev.sluice.cli.template.ProjectIdentity;
import dev.sluice.cli.template.TemplateCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sluice init}: writes a new connector project from a bundled template into a new or empty
 * folder, then prints the next steps.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Create a connector project from a template in DIR (a new or empty folder).",
            "The project is named after the folder (or --name): its package, connector class, groupId, artifactId,"
                    + " POM name, services file and README."
        },
        footer = {"", "Every example connector of Sluice is a template: `sluice init --list` shows them."})
public final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "Where to create the project (default: the current folder).")
    Path dir;

    @Option(
            names = "--template",
            paramLabel = "NAME",
            defaultValue = TemplateCatalog.DEFAULT,
            completionCandidates = TemplateNames.class,
            description = "The template (default: ${DEFAULT-VALUE}); `--list` shows them all.")
    String template;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "The project's name (default: the folder's name): its POM name and README title, and from"
                    + " it the artifactId, the connector class (e.g. my-shop: MyShopConnector) and the package.")
    String name;

    @Option(
            names = "--package",
            paramLabel = "PACKAGE",
            description = "The Java package of the connector (default: com.example.<name in lower-case letters and"
                    + " digits>); the groupId is the package without its last segment.")
    String packageName;

    @Option(names = "--list", description = "List the templates with what each one shows, and create nothing.")
    boolean list;

    private final Supplier<TemplateCatalog> catalog;

    /** An init that uses the templates bundled in the CLI. */
    public InitCommand() {
        this(TemplateCatalog::bundled);
    }

    /** @param catalog where templates come from */
    InitCommand(Supplier<TemplateCatalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        if (list) {
            return listTemplates();
        }
        Path here = Path.of("").toAbsolutePath().normalize();
        Path target = (dir == null ? here : dir.toAbsolutePath()).normalize();
        String folder = target.getFileName() == null ? "" : target.getFileName().toString();
        ProjectIdentity project = ProjectIdentity.of(name == null ? folder : name, packageName);
        try (TemplateCatalog templates = catalog.get()) {
            new ProjectGenerator(templates).generate(template, target, project);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created connector project '" + project.artifactId() + "' in " + target + " from template "
                + template + ":");
        out.println("  connector  " + project.packageName() + "." + project.className() + " (src/main/java/"
                + project.packagePath() + "/" + project.className() + ".java)");
        out.println("  Maven      " + project.groupId() + ":" + project.artifactId());
        out.println();
        out.println("Next steps:");
        if (!target.equals(here)) {
            out.println("  cd " + shellWord(dir.toString()));
        }
        out.println("  sluice debug      # build, sync into files/warehouse.db and show what landed");
        out.println("  ./mvnw verify     # run the connector's tests");
        out.flush();
        return 0;
    }

    /** @return the word as the shell reads it back: quoted when it holds anything but plain characters */
    static String shellWord(String word) {
        if (word.matches("[A-Za-z0-9_./@%+=:,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private int listTemplates() {
        Map<String, String> descriptions;
        try (TemplateCatalog templates = catalog.get()) {
            descriptions = templates.descriptions();
        }
        int width =
                descriptions.keySet().stream().mapToInt(String::length).max().orElse(0);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Templates (sluice init DIR --template NAME):");
        descriptions.forEach((name, description) -> out.println("  " + name + " ".repeat(width - name.length() + 3)
                + description + (name.equals(TemplateCatalog.DEFAULT) ? " (default)" : "")));
        out.flush();
        return 0;
    }

    /** The template names offered in shell completion. */
    static final class TemplateNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            try (TemplateCatalog templates = TemplateCatalog.bundled()) {
                return templates.names().iterator();
            } catch (RuntimeException e) {
                return List.of(TemplateCatalog.DEFAULT).iterator();
            }
        }
    }
}
