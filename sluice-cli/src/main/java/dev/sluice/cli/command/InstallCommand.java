package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice install}: puts {@code sluice} on the PATH by linking the launcher that runs it
 * ({@code ./sluice} of a checkout, {@code bin/sluice} of a distribution; the launcher names itself
 * in {@code SLUICE_LAUNCHER}) into a folder of commands, {@code ~/.local/bin} by default, and
 * says what it did and whether that folder is on the PATH.
 */
@Command(
        name = "install",
        mixinStandardHelpOptions = true,
        description = {
            "Put sluice on your PATH: link BIN-DIR/sluice (default ~/.local/bin/sluice) to the launcher you ran"
                    + " (./sluice of a checkout, bin/sluice of a distribution).",
            "An older link there is replaced; a file that is not a link is left alone."
        })
public final class InstallCommand implements Callable<Integer> {

    /** The environment variable in which the launcher scripts give their own path. */
    public static final String LAUNCHER_VARIABLE = "SLUICE_LAUNCHER";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--bin-dir",
            paramLabel = "BIN-DIR",
            description = "Where to put the link (default: ~/.local/bin); created when missing.")
    Path binDir;

    private final Map<String, String> environment;
    private final Path home;

    /** An install that reads the process's environment and home folder. */
    public InstallCommand() {
        this(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * @param environment where {@code SLUICE_LAUNCHER} and {@code PATH} are read
     * @param home the user's home folder
     */
    InstallCommand(Map<String, String> environment, Path home) {
        this.environment = environment;
        this.home = home;
    }

    @Override
    public Integer call() {
        Path launcher = launcher();
        Path dir = (binDir == null ? home.resolve(".local/bin") : binDir)
                .toAbsolutePath()
                .normalize();
        Path link = dir.resolve("sluice");
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                out.println("Created " + dir + ".");
            }
            if (Files.isSymbolicLink(link)) {
                Path old = Files.readSymbolicLink(link);
                if (old.equals(launcher)) {
                    out.println(link + " already links to " + launcher + ": nothing to do.");
                    return onPath(dir, out);
                }
                Files.delete(link);
                out.println("Removed the old link " + link + " -> " + old + ".");
            } else if (Files.exists(link)) {
                throw new CliException(link + " exists and is not a link, so sluice leaves it alone: remove it, or"
                        + " pass --bin-dir with another folder on your PATH");
            }
            Files.createSymbolicLink(link, launcher);
        } catch (IOException e) {
            throw new CliException(
                    "Cannot link " + link + " to " + launcher + ": " + e.getMessage()
                            + ". Pass --bin-dir with a folder you can write to",
                    e);
        }
        out.println("Linked " + link + " -> " + launcher + ".");
        return onPath(dir, out);
    }

    private Path launcher() {
        String value = environment.get(LAUNCHER_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new CliException("sluice install links the launcher script that runs sluice, and none ran this one"
                    + " (" + LAUNCHER_VARIABLE + " is not set): run ./sluice install in a Sluice checkout, or"
                    + " bin/sluice install in an unpacked distribution");
        }
        Path launcher = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(launcher)) {
            throw new CliException("The launcher " + launcher + " (from " + LAUNCHER_VARIABLE + ") is not a file:"
                    + " run ./sluice install in a Sluice checkout, or bin/sluice install in an unpacked distribution");
        }
        return launcher;
    }

    private int onPath(Path dir, PrintWriter out) {
        String path = environment.getOrDefault("PATH", "");
        boolean found = Arrays.stream(path.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .anyMatch(entry -> Path.of(entry).toAbsolutePath().normalize().equals(dir));
        if (found) {
            out.println("`sluice` now runs from any folder (" + dir + " is on your PATH).");
        } else {
            String shown = dir.startsWith(home) ? "$HOME/" + home.relativize(dir) : dir.toString();
            out.println(dir + " is not on your PATH yet: add this line to ~/.profile (or your shell's startup file),"
                    + " then open a new terminal:");
            out.println("  export PATH=\"" + shown + ":$PATH\"");
        }
        out.flush();
        return 0;
    }
}
