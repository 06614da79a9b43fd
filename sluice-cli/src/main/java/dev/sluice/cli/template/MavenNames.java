package dev.sluice.cli.template;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text rules for the {@code pom.xml} of a generated project. */
public final class MavenNames {

    private static final Pattern RELATIVE_PATH =
            Pattern.compile("<relativePath>[^<]*</relativePath>|<relativePath\\s*/>");
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>[^<]*</artifactId>");

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
     * Makes a template's pom stand alone: the parent is resolved from the local repository
     * ({@code <relativePath/>}) and the project's own artifactId (the first one after the parent
     * block) becomes {@code artifactId}.
     *
     * @param pom the template's pom.xml
     * @param artifactId the new project's artifactId
     * @return the rewritten pom
     */
    public static String rewritePom(String pom, String artifactId) {
        String text = RELATIVE_PATH.matcher(pom).replaceFirst("<relativePath/>");
        int parentEnd = text.indexOf("</parent>");
        Matcher own = ARTIFACT_ID.matcher(text);
        if (!own.find(Math.max(parentEnd, 0))) {
            return text;
        }
        return text.substring(0, own.start()) + "<artifactId>" + artifactId + "</artifactId>"
                + text.substring(own.end());
    }
}
