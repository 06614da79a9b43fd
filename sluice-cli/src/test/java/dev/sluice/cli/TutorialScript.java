package dev.sluice.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code docs/tutorial.md} into one bash script that does what a reader does, in order: runs
 * every {@code sh} block, writes every block marked {@code <!-- tutorial: file PATH -->} to that
 * file, and inserts every block marked {@code <!-- tutorial: insert into PATH before TEXT -->} into
 * that file before the first {@code TEXT}. After a line that starts the playground in the
 * background, the script waits until its port accepts connections; after {@code kill %N}, until the
 * job ended.
 */
final class TutorialScript {

    private static final Pattern FENCE = Pattern.compile("(?m)^```([a-z]*)\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern FILE = Pattern.compile("<!-- tutorial: file (\\S+) -->\\s*\\z");
    private static final Pattern INSERT = Pattern.compile("<!-- tutorial: insert into (\\S+) before (.+?) -->\\s*\\z");
    private static final String EOF = "SLUICE_TUTORIAL_EOF";

    private final StringBuilder script = new StringBuilder();
    private final List<String> commands = new ArrayList<>();
    private final List<String> files = new ArrayList<>();

    private TutorialScript() {}

    /**
     * @param markdown the tutorial
     * @param port the playground's port in the tutorial's commands
     * @return the script
     */
    static TutorialScript of(String markdown, int port) {
        TutorialScript tutorial = new TutorialScript();
        tutorial.script
                .append("set -euo pipefail\n")
                .append("trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n")
                .append("sluice_insert() {\n")
                .append("  local content head\n")
                .append("  content=\"$(cat \"$1\")\"\n")
                .append(
                        "  case \"$content\" in *\"$2\"*) ;; *) echo \"tutorial: '$2' is not in $1\" >&2; exit 1 ;; esac\n")
                .append("  head=\"${content%%\"$2\"*}\"\n")
                .append("  printf '%s%s\\n%s\\n' \"$head\" \"$3\" \"${content#\"$head\"}\" > \"$1\"\n")
                .append("}\n");
        Matcher block = FENCE.matcher(markdown);
        int last = 0;
        while (block.find()) {
            String before = markdown.substring(last, block.start());
            String body = block.group(2);
            Matcher file = FILE.matcher(before);
            Matcher insert = INSERT.matcher(before);
            if (file.find()) {
                tutorial.file(file.group(1), body);
            } else if (insert.find()) {
                tutorial.insert(insert.group(1), insert.group(2), body);
            } else if (block.group(1).equals("sh")) {
                tutorial.commands(body, port);
            }
            last = block.end();
        }
        return tutorial;
    }

    private void file(String path, String body) {
        files.add(path);
        script.append("mkdir -p \"$(dirname '").append(path).append("')\"\n");
        script.append("cat > '").append(path).append("' <<'").append(EOF).append("'\n");
        script.append(body).append(EOF).append('\n');
    }

    private void insert(String path, String before, String body) {
        files.add(path);
        script.append("sluice_insert '")
                .append(path)
                .append("' '")
                .append(before)
                .append("' \"$(cat <<'");
        script.append(EOF).append("'\n").append(body).append(EOF).append("\n)\"\n");
    }

    private void commands(String body, int port) {
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            commands.add(line.strip());
            script.append("printf '\\n$ %s\\n' ").append(quote(line.strip())).append('\n');
            script.append(line).append('\n');
            if (line.strip().startsWith("kill %")) {
                script.append("wait 2>/dev/null || true\n");
            }
            if (line.strip().startsWith("sluice playground") && line.strip().endsWith("&")) {
                script.append("for i in $(seq 1 240); do (echo > /dev/tcp/127.0.0.1/")
                        .append(port)
                        .append(") 2>/dev/null && break; sleep 0.5; done\n");
            }
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** @return the bash script */
    String script() {
        return script.toString();
    }

    /** @return the shell commands, in order */
    List<String> commands() {
        return commands;
    }

    /** @return the files written or edited, in order */
    List<String> files() {
        return files;
    }
}
