package dev.sluice.cli.template;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text rules for the {@code pom.xml} of a generated project. */
public final class MavenNames {

    private static final Pattern RELATIVE_PATH =
            Pattern.compile("<relativePath>[^<]*</relativePath>|<relativePath\\s*/>");

    private MavenNames() {}

    /**
     * @param folderName a folder name
     * @return a valid Maven artifactId made from it: lower case, runs of other characters than
     *     letters, digits, {@code .}, {@code _} and {@code -} replaced by {@code -}; {@code connector}
     *     when nothing is left
     */
    public static String artifactId(String folderName) {
        String id = folderName
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[-.]+|[-.]+$", "");
        return id.isEmpty() ? "connector" : id;
    }

    /**
     * Makes a template's pom stand alone and names it after the project: the parent is resolved
     * from the local repository ({@code <relativePath/>}), and the project's own {@code groupId},
     * {@code artifactId} and {@code name} (the first ones after the parent block) become the
     * project's; a missing own {@code groupId} or {@code name} is added.
     *
     * @param pom the template's pom.xml
     * @param project the new project's names
     * @return the rewritten pom
     */
    public static String rewritePom(String pom, ProjectIdentity project) {
        String text = RELATIVE_PATH.matcher(pom).replaceFirst("<relativePath/>");
        int parentEnd = text.indexOf("</parent>");
        int from = parentEnd < 0 ? 0 : parentEnd + "</parent>".length();
        text = replaceOwn(text, from, "artifactId", project.artifactId(), null);
        text = replaceOwn(text, from, "groupId", project.groupId(), "artifactId");
        return replaceOwn(text, from, "name", xml(project.name()), "artifactId");
    }

    /** Replaces the first {@code <element>} after {@code from}, or adds it before {@code <before>}. */
    private static String replaceOwn(String text, int from, String element, String value, String before) {
        Matcher own =
                Pattern.compile("<" + element + ">[^<]*</" + element + ">").matcher(text);
        String replacement = "<" + element + ">" + value + "</" + element + ">";
        if (own.find(from) && !insideDependencies(text, from, own.start())) {
            return text.substring(0, own.start()) + replacement + text.substring(own.end());
        }
        if (before == null) {
            return text;
        }
        int at = text.indexOf("<" + before + ">", from);
        if (at < 0) {
            return text;
        }
        int lineStart = text.lastIndexOf('\n', at) + 1;
        String indent = text.substring(lineStart, at).isBlank() ? text.substring(lineStart, at) : "";
        return text.substring(0, at) + replacement + (indent.isEmpty() ? "" : "\n" + indent) + text.substring(at);
    }

    private static boolean insideDependencies(String text, int from, int at) {
        String between = text.substring(from, at);
        return between.contains("<dependencies>") || between.contains("<build>") || between.contains("<properties>");
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
