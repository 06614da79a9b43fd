package dev.sluice.cli.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@code sluice ...} commands that messages suggest, so that each runs as printed, pasted
 * into a POSIX shell in the current folder: the project folder is named (relative to the current
 * folder when that is shorter) unless it is the current folder, and every argument is quoted when
 * the shell would otherwise change it.
 */
public final class CommandHint {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    private static final Pattern BACKTICKED = Pattern.compile("`sluice (debug|reset|tables|query)`");

    private CommandHint() {}

    /**
     * @param command the subcommand, e.g. {@code query}
     * @param project the project folder the command must act on
     * @param args further arguments, unquoted
     * @return e.g. {@code sluice query examples/quickstart "SELECT 1"}, runnable from the current folder
     */
    public static String sluice(String command, Path project, String... args) {
        List<String> words = new ArrayList<>(List.of("sluice", command));
        String folder = folder(project);
        if (!folder.isEmpty()) {
            words.add(folder);
        }
        words.addAll(List.of(args));
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            line.append(line.length() == 0 ? "" : " ").append(quote(word));
        }
        return line.toString();
    }

    /**
     * Rewrites the bare {@code `sluice debug`}, {@code `sluice reset`}, {@code `sluice tables`} and
     * {@code `sluice query`} that messages of the engine suggest so that they name the project.
     *
     * @param message a message for the user
     * @param project the project folder the message is about
     * @return the message with those commands runnable from the current folder
     */
    public static String located(String message, Path project) {
        if (message == null) {
            return null;
        }
        Matcher matcher = BACKTICKED.matcher(message);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement("`" + sluice(matcher.group(1), project) + "`"));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /**
     * @param project a folder
     * @return how to name it from the current folder: empty for the current folder itself, else the
     *     shorter of its relative and absolute paths
     */
    public static String folder(Path project) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path absolute = project.toAbsolutePath().normalize();
        if (absolute.equals(cwd)) {
            return "";
        }
        String relative = cwd.relativize(absolute).toString();
        return relative.length() < absolute.toString().length() ? relative : absolute.toString();
    }

    /**
     * @param word one shell word
     * @return the word as a POSIX shell reads it back unchanged: as is when it holds only safe
     *     characters, in double quotes when nothing in it is special there, else in single quotes
     */
    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        if (word.chars().noneMatch(c -> c == '"' || c == '$' || c == '`' || c == '\\' || c == '!')) {
            return "\"" + word + "\"";
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
