package dev.sluice.engine.crash;

import dev.sluice.engine.CheckpointObserver;
import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.TestDestination;
import dev.sluice.engine.runtime.SyncRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one sync of {@link CrashableConnector} into a project, in its own JVM, so that a test can
 * kill it with SIGKILL at any moment.
 *
 * <pre>java -cp ... dev.sluice.engine.crash.CrashableSyncMain PROJECT_DIR [key=value ...]</pre>
 *
 * <p>Every {@code key=value} goes into the connector's configuration, except:
 * <ul>
 *   <li>{@code flushRows=N}: the engine's flush size (default {@value #DEFAULT_FLUSH_ROWS});</li>
 *   <li>{@code haltAtPage=N}: right after the checkpoint that saves {@code page=N}, halt the JVM
 *       ({@link Runtime#halt}: no shutdown hooks, no close, like {@code kill -9});</li>
 *   <li>{@code haltInGapAtPage=N}: the same, but first put {@code state.json} back to the previous
 *       checkpoint's content, as if the process had died between the warehouse commit and the
 *       state file's rename.</li>
 * </ul>
 * Exits 0 when the sync succeeds and 1 when it fails.
 */
public final class CrashableSyncMain {

    static final int DEFAULT_FLUSH_ROWS = 250;
    static final int HALT_STATUS = 99;

    private CrashableSyncMain() {}

    public static void main(String[] args) {
        Path project = Path.of(args[0]);
        Map<String, String> configuration = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            configuration.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        int flushRows = Integer.parseInt(configuration.getOrDefault("flushRows", String.valueOf(DEFAULT_FLUSH_ROWS)));
        int haltAt = Integer.parseInt(configuration.getOrDefault("haltAtPage", "-1"));
        int haltInGapAt = Integer.parseInt(configuration.getOrDefault("haltInGapAtPage", "-1"));
        Path stateFile = project.resolve("files/state.json");
        String[] previous = new String[1];
        CheckpointObserver observer = (number, state) -> {
            long page = state.getLong("page", -1);
            if (page == haltAt) {
                Runtime.getRuntime().halt(HALT_STATUS);
            }
            if (page == haltInGapAt) {
                putBack(stateFile, previous[0]);
                Runtime.getRuntime().halt(HALT_STATUS);
            }
            previous[0] = read(stateFile);
        };
        previous[0] = read(stateFile);
        SyncResult result = SyncRuntime.shared()
                .run(
                        new CrashableConnector(),
                        SyncOptions.forProject(project)
                                .destination(TestDestination.forProject(project))
                                .configuration(configuration)
                                .flushRows(flushRows)
                                .checkpointObserver(observer)
                                .build());
        System.out.println(
                result.succeeded()
                        ? "SYNC OK state=" + result.state().asMap()
                        : "SYNC FAILED: " + result.failureMessage());
        System.out.flush();
        System.exit(result.succeeded() ? 0 : 1);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putBack(Path stateFile, String json) {
        try {
            if (json == null) {
                Files.delete(stateFile);
                return;
            }
            Path temporary = stateFile.resolveSibling("state.json.test-tmp");
            Files.write(temporary, json.getBytes(StandardCharsets.UTF_8));
            Files.move(temporary, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
