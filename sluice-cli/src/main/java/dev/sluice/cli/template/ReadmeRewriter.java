package dev.sluice.cli.template;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an example's README into the README of a project made from it: the title names the
 * project, and commands written for the Sluice repository ({@code ./sluice debug examples/NAME},
 * {@code ./mvnw -q verify -pl examples/NAME}, "from the repository root") become the commands
 * that work in the project's own folder.
 */
final class ReadmeRewriter {

    private record Rule(Pattern pattern, String replacement) {
        String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }

    private final List<Rule> rules;
    private final ProjectIdentity project;
    private final String template;
    private final String description;

    /**
     * @param template the template's name (its folder under {@code examples/})
     * @param description the template's one-line description
     * @param project the new project's names
     */
    ReadmeRewriter(String template, String description, ProjectIdentity project) {
        this.template = template;
        this.description = description.strip().replaceAll("\\.$", "");
        this.project = project;
        String own = Pattern.quote("examples/" + template);
        this.rules = List.of(
                new Rule(Pattern.compile("cd " + own + " && \\.\\./\\.\\./mvnw"), "./mvnw"),
                new Rule(Pattern.compile("\\./mvnw -f " + own + "/pom\\.xml"), "./mvnw"),
                new Rule(Pattern.compile(" -pl " + own + "(?![\\w-])"), ""),
                new Rule(Pattern.compile("(sluice [a-z-]+) " + own + "(?![\\w-])/?"), "$1"),
                new Rule(Pattern.compile(own + "/"), ""),
                new Rule(Pattern.compile(";? *in a project made by `sluice init`: \\./mvnw verify"), ""),
                new Rule(Pattern.compile("(?<![\\w/.])\\./sluice\\b"), "sluice"),
                new Rule(Pattern.compile("From the repository root"), "In this folder"),
                new Rule(Pattern.compile("from the repository root"), "in this folder"));
    }

    /**
     * @param readme the template's README, already moved to the new package and class
     * @return the project's README
     */
    String rewrite(String readme) {
        String text = readme;
        for (Rule rule : rules) {
            text = rule.apply(text);
        }
        String intro = "# " + project.name() + "\n\nA Sluice connector, created by `sluice init --template " + template
                + "`" + (description.isEmpty() ? "" : " (" + description + ")") + ". Its connector is `"
                + project.packageName() + "." + project.className() + "`.\n\n"
                + "```sh\nsluice debug     # build, sync into files/warehouse.db and show what landed\n"
                + "./mvnw verify    # build and run the tests\n```\n\n"
                + "What follows is the template's own description.\n";
        Matcher title = Pattern.compile("\\A# [^\\n]*\\n").matcher(text);
        if (title.find()) {
            String heading = text.substring(2, title.end() - 1);
            return intro + "\n## The template: " + heading + "\n" + text.substring(title.end());
        }
        return intro + "\n" + text;
    }
}
