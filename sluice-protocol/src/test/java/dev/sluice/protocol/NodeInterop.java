package dev.sluice.protocol;

import dev.sluice.testservices.TestServices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Node side of the cross-language tests: copies {@code src/test/node} to a work folder, runs
 * {@code npm ci} once, and starts its scripts with the repository's {@code .proto} files. Fails
 * (never skips) with what to install when node or npm is missing.
 */
public final class NodeInterop {

    private static final Pattern PORT = Pattern.compile("listening on port (\\d+)");
    private static Path installed;

    private final Path dir;
    private final Path protoDir;

    private NodeInterop(Path dir, Path protoDir) {
        this.dir = dir;
        this.protoDir = protoDir;
    }

    /**
     * @param sources the {@code src/test/node} folder
     * @param protoDir the folder of the .proto files
     * @param work where to install
     * @return the installed scripts
     */
    public static synchronized NodeInterop install(Path sources, Path protoDir, Path work) throws Exception {
        if (installed == null) {
            require("node");
            require("npm");
            Files.createDirectories(work);
            for (String file : List.of(
                    "package.json", "package-lock.json", "protocol.js", "connector-server.js", "client-check.js")) {
                Files.copy(sources.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Result result = run(work, 300, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
            if (result.exitCode() != 0) {
                throw new IllegalStateException("npm ci in " + work + " failed (exit " + result.exitCode() + "):\n"
                        + result.output() + "\nThe npm registry must be reachable for the cross-language tests");
            }
            installed = work;
        }
        return new NodeInterop(installed, protoDir.toAbsolutePath());
    }

    private static void require(String tool) {
        TestServices.require("'" + tool + "' (the cross-language tests need Node.js 18+ with npm)", () -> onPath(tool));
    }

    /**
     * @param tool a command
     * @return whether {@code tool --version} runs
     */
    public static boolean onPath(String tool) {
        try {
            return run(Path.of("."), 30, tool, "--version").exitCode() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** A started Node connector server; close stops it. */
    public record Server(Process process, int port, List<String> lines) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Starts connector-server.js on a free port and waits for its "listening" log line. */
    public Server startConnectorServer() throws Exception {
        Process process = new ProcessBuilder(
                        "node", "connector-server.js", "--proto", protoDir.toString(), "--port", "0")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            lines.add(line);
            Matcher matcher = PORT.matcher(line);
            if (matcher.find()) {
                Thread pump = new Thread(
                        () -> {
                            try {
                                String more;
                                while ((more = reader.readLine()) != null) {
                                    lines.add(more);
                                }
                            } catch (IOException ignored) {
                                // the process ended
                            }
                        },
                        "node-server-output");
                pump.setDaemon(true);
                pump.start();
                return new Server(process, Integer.parseInt(matcher.group(1)), lines);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The Node connector server did not start:\n" + String.join("\n", lines));
    }

    /** Runs client-check.js against a server. */
    public Result checkClient(String target) throws Exception {
        return run(dir, 60, "node", "client-check.js", "--proto", protoDir.toString(), "--target", target);
    }

    /** A finished process. */
    public record Result(int exitCode, String output) {}

    private static Result run(Path dir, int timeoutSeconds, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
