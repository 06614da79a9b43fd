package dev.sluice.cli.template;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a template's files into the new project's package and renames its connector class: every
 * path under the template's package folder moves to the new one, every file name and identifier
 * that starts with the template's class name starts with the new one, and the template's package
 * becomes the new package in every text file.
 */
final class TemplateRewriter {

    private static final Set<String> TEXT_EXTENSIONS =
            Set.of("java", "md", "xml", "json", "properties", "txt", "yaml", "yml", "csv", "sql");

    private final String fromPackage;
    private final String fromPath;
    private final Pattern fromClass;
    private final ProjectIdentity to;

    /**
     * @param connectorClass the fully qualified name of the template's connector class
     * @param to the new project's names
     */
    TemplateRewriter(String connectorClass, ProjectIdentity to) {
        int lastDot = connectorClass.lastIndexOf('.');
        this.fromPackage = lastDot < 0 ? "" : connectorClass.substring(0, lastDot);
        this.fromPath = fromPackage.replace('.', '/');
        this.fromClass = Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(connectorClass.substring(lastDot + 1)));
        this.to = to;
    }

    /**
     * @param relative a template file's path relative to the template, {@code /}-separated
     * @return where it goes in the new project
     */
    String path(String relative) {
        String moved = relative;
        if (!fromPath.isEmpty()) {
            for (String root : new String[] {"src/main/java/", "src/test/java/"}) {
                if (relative.startsWith(root + fromPath + "/")) {
                    moved = root + to.packagePath() + relative.substring(root.length() + fromPath.length());
                }
            }
        }
        int slash = moved.lastIndexOf('/');
        String file = moved.substring(slash + 1);
        return moved.substring(0, slash + 1) + fromClass.matcher(file).replaceFirst(to.className());
    }

    /**
     * @param relative a template file's path relative to the template
     * @return whether its text is rewritten (sources, resources, docs; not binaries)
     */
    static boolean isText(String relative) {
        String file = relative.substring(relative.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return relative.startsWith("src/main/resources/META-INF/services/")
                || (dot >= 0 && TEXT_EXTENSIONS.contains(file.substring(dot + 1)));
    }

    /**
     * @param text a text file of the template
     * @return the text with the new package and class name
     */
    String text(String text) {
        String renamed = fromClass.matcher(text).replaceAll(Matcher.quoteReplacement(to.className()));
        if (fromPackage.isEmpty()) {
            return renamed;
        }
        return renamed.replace(fromPackage, to.packageName()).replace(fromPath + "/", to.packagePath() + "/");
    }
}
