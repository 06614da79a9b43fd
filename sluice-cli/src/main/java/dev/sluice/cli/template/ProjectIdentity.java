package dev.sluice.cli.template;

import dev.sluice.cli.CliException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names a generated project is given: its display name, Maven coordinates, Java package and
 * connector class. Made from the project's folder name, or from {@code --name} and {@code
 * --package}.
 *
 * @param name the project's name, as in the POM's {@code <name>} and the README's title
 * @param artifactId the Maven artifactId, made from {@code name}
 * @param groupId the Maven groupId: the package without its last segment
 * @param packageName the Java package of the connector
 * @param className the simple name of the connector class
 */
public record ProjectIdentity(String name, String artifactId, String groupId, String packageName, String className) {

    /** The package prefix of generated projects when no {@code --package} is given. */
    public static final String DEFAULT_PACKAGE_PREFIX = "com.example";

    private static final Pattern SEGMENT = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "false",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "null",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "true",
            "try",
            "void",
            "volatile",
            "while",
            "var",
            "record",
            "yield",
            "sealed",
            "permits");

    /**
     * @param name the project's name (usually its folder's name)
     * @param packageName the Java package, or null for {@code com.example.<name in lower case letters
     *     and digits>}
     * @return the identity
     * @throws CliException when {@code packageName} is not a valid Java package of lower-case
     *     segments
     */
    public static ProjectIdentity of(String name, String packageName) {
        String display = name == null || name.isBlank() ? "connector" : name.strip();
        String pkg = packageName == null ? defaultPackage(display) : checkedPackage(packageName.strip());
        int lastDot = pkg.lastIndexOf('.');
        String groupId = lastDot < 0 ? pkg : pkg.substring(0, lastDot);
        return new ProjectIdentity(display, MavenNames.artifactId(display), groupId, pkg, className(display));
    }

    /** @return the package as a path, e.g. {@code com/example/shop} */
    public String packagePath() {
        return packageName.replace('.', '/');
    }

    private static String defaultPackage(String name) {
        String segment = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (segment.isEmpty()) {
            segment = "connector";
        } else if (Character.isDigit(segment.charAt(0)) || KEYWORDS.contains(segment)) {
            segment = "c" + segment;
        }
        return DEFAULT_PACKAGE_PREFIX + "." + segment;
    }

    private static String checkedPackage(String pkg) {
        String[] segments = pkg.split("\\.", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || KEYWORDS.contains(segment)) {
                throw new CliException("--package '" + pkg + "' is not a Java package name: give dot-separated"
                        + " lower-case segments of letters, digits and _, none a Java keyword, e.g. com.acme.shop");
            }
        }
        return pkg;
    }

    private static String className(String name) {
        String pascal = Arrays.stream(name.split("[^A-Za-z0-9]+"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
        if (pascal.isEmpty()) {
            return "MyConnector";
        }
        if (Character.isDigit(pascal.charAt(0))) {
            pascal = "C" + pascal;
        }
        return pascal.endsWith("Connector") ? pascal : pascal + "Connector";
    }
}
