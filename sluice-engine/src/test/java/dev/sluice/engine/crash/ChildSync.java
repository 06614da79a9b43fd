package dev.sluice.engine.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link CrashableSyncMain} in a child JVM on a project and kills it with
 * {@link Process#destroyForcibly()} (SIGKILL on Linux) when a {@link KillPoint} is due.
 */
final class ChildSync {

    private static final Pattern PAGE = Pattern.compile("\"page\"\\s*:\\s*(\\d+)");
    private static final long TIMEOUT_MS = 120_000;

    /** When to kill a running child. */
    interface KillPoint {
        /**
         * @param elapsedMs milliseconds since the child was started
         * @param project the project it syncs
         * @param log its output so far
         * @return whether to kill it now
         */
        boolean due(long elapsedMs, Path project, Path log);

        /** @return how often to look, in microseconds */
        default long pollMicros() {
            return 200;
        }

        /** @return e.g. {@code at 1234 ms} */
        String toString();
    }

    /** @return a kill point a fixed time after the child starts */
    static KillPoint afterMillis(long millis) {
        return new KillPoint() {
            @Override
            public boolean due(long elapsedMs, Path project, Path log) {
                return elapsedMs >= millis;
            }

            @Override
            public String toString() {
                return "at " + millis + " ms";
            }
        };
    }

    /** @return a kill point as soon as {@code state.json} holds {@code page >= page} */
    static KillPoint afterCheckpoint(int page) {
        return new KillPoint() {
            @Override
            public boolean due(long elapsedMs, Path project, Path log) {
                Integer saved = statePage(project);
                return saved != null && saved >= page;
            }

            @Override
            public String toString() {
                return "right after state.json reaches page " + page;
            }
        };
    }

    /** @return a kill point when the connector prints its stall marker (flushed, uncommitted rows) */
    static KillPoint onStall() {
        return new KillPoint() {
            @Override
            public boolean due(long elapsedMs, Path project, Path log) {
                try {
                    return Files.readString(log).contains(CrashableConnector.STALL_MARKER);
                } catch (IOException e) {
                    return false;
                }
            }

            @Override
            public long pollMicros() {
                return 2_000;
            }

            @Override
            public String toString() {
                return "while stalled in a page with flushed, uncommitted rows";
            }
        };
    }

    /**
     * How one child run ended.
     *
     * @param exitCode its exit status
     * @param killed whether the test killed it (false: it exited on its own)
     * @param elapsedMs when it was killed or ended, since start
     * @param log its output
     */
    record Outcome(int exitCode, boolean killed, long elapsedMs, Path log) {
        String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n    ", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        /** @return the page of the state this run started from, as the engine logged it, or null */
        Integer startPage() {
            try {
                Matcher m = Pattern.compile("previous state: \\{(?:page=(\\d+))?").matcher(Files.readString(log));
                if (!m.find()) {
                    return null;
                }
                return m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            } catch (IOException e) {
                return null;
            }
        }
    }

    private final Path project;
    private int runs;

    ChildSync(Path project) {
        this.project = project;
    }

    /**
     * Starts the child and waits until it ends or the kill point is due, then kills it and waits
     * until it is gone (so that its file locks are released).
     *
     * @param kill when to kill it, or null to let it run to its end
     * @param args extra {@code key=value} arguments
     * @return how it ended
     */
    Outcome run(KillPoint kill, List<String> args) throws IOException, InterruptedException {
        Path logs = project.resolve("logs");
        Files.createDirectories(logs);
        Path log = logs.resolve("run-" + (++runs) + ".log");
        Files.createFile(log);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), CrashableSyncMain.class.getName(), project.toString()));
        command.addAll(args);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean killed = false;
        long elapsed;
        while (true) {
            elapsed = (System.nanoTime() - start) / 1_000_000;
            if (!process.isAlive()) {
                break;
            }
            if (kill != null && kill.due(elapsed, project, log)) {
                process.destroyForcibly();
                killed = true;
                break;
            }
            if (elapsed > TIMEOUT_MS) {
                process.destroyForcibly();
                process.waitFor();
                throw new IllegalStateException("child sync did not end within " + TIMEOUT_MS + " ms; log " + log);
            }
            LockSupport.parkNanos(kill == null ? 5_000_000 : kill.pollMicros() * 1000);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("killed child did not go away; log " + log);
        }
        int exit = process.exitValue();
        // a kill sent in the very moment the child exited by itself did not land
        return new Outcome(exit, killed && exit != 0, elapsed, log);
    }

    /** @return the number of runs started */
    int runs() {
        return runs;
    }

    /**
     * @param project a project
     * @return the page in its {@code state.json}, or null when there is none (or it has no page)
     */
    static Integer statePage(Path project) {
        try {
            String json = new String(Files.readAllBytes(project.resolve("files/state.json")), StandardCharsets.UTF_8);
            return page(json);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param stateJson state JSON text, or null
     * @return its page, or null
     */
    static Integer page(String stateJson) {
        if (stateJson == null) {
            return null;
        }
        Matcher m = PAGE.matcher(stateJson);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }
}
