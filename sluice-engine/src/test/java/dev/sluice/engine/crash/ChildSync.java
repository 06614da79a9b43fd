package dev.sluice.engine.crash;

import dev.sluice.engine.TestDestination;
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

        /** @return whether the point is a time (which may come after the run ended), not an event */
        default boolean timed() {
            return false;
        }

        /** @return e.g. {@code at 1234 ms} */
        @Override
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
            public boolean timed() {
                return true;
            }

            @Override
            public String toString() {
                return "at " + millis + " ms";
            }
        };
    }

    /** @return a kill point as soon as {@code state.json} holds {@code page >= page} */
    static KillPoint afterCheckpoint(int page) {
        return afterCheckpoint(page, 0);
    }

    /**
     * @return a kill point {@code delayMillis} after {@code state.json} holds {@code page >= page}
     *     (timed when the delay is not 0: the run may end before)
     */
    static KillPoint afterCheckpoint(int page, long delayMillis) {
        return new KillPoint() {
            private long seenAt = -1;

            @Override
            public boolean due(long elapsedMs, Path project, Path log) {
                if (seenAt < 0) {
                    Integer saved = statePage(project);
                    if (saved != null && saved >= page) {
                        seenAt = elapsedMs;
                    }
                }
                return seenAt >= 0 && elapsedMs >= seenAt + delayMillis;
            }

            @Override
            public boolean timed() {
                return delayMillis > 0;
            }

            @Override
            public String toString() {
                return (delayMillis == 0 ? "right" : delayMillis + " ms") + " after state.json reaches page " + page;
            }
        };
    }

    /**
     * @param fraction how far into the work left to do, 0 to 1
     * @param startupMillis how long a child takes to start and open the warehouse
     * @param pageMillis how long a page takes
     * @param pages the connector's pages
     * @return a kill point at a fraction of what is left of the sync, judged from {@code state.json}
     *     when the child starts
     */
    static KillPoint afterFractionOfRest(double fraction, long startupMillis, double pageMillis, int pages) {
        return new KillPoint() {
            private long at = -1;

            @Override
            public boolean due(long elapsedMs, Path project, Path log) {
                if (at < 0) {
                    Integer page = statePage(project);
                    at = startupMillis + Math.round(fraction * (pages - (page == null ? 0 : page)) * pageMillis);
                }
                return elapsedMs >= at;
            }

            @Override
            public boolean timed() {
                return true;
            }

            @Override
            public String toString() {
                return String.format("at %.0f%% of the rest", fraction * 100) + (at < 0 ? "" : " (" + at + " ms)");
            }
        };
    }

    /** @return a kill point as soon as a file exists */
    static KillPoint whenExists(String relativePath) {
        return new KillPoint() {
            @Override
            public boolean due(long elapsedMs, Path project, Path log) {
                return Files.exists(project.resolve(relativePath));
            }

            @Override
            public String toString() {
                return "as soon as " + relativePath + " exists";
            }
        };
    }

    /** @return a kill point as soon as the child's output contains a text */
    static KillPoint onOutput(String text) {
        return new KillPoint() {
            @Override
            public boolean due(long elapsedMs, Path project, Path log) {
                try {
                    return Files.readString(log).contains(text);
                } catch (IOException e) {
                    return false;
                }
            }

            @Override
            public long pollMicros() {
                return 500;
            }

            @Override
            public String toString() {
                return "as soon as the output shows '" + text + "'";
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
                Matcher m =
                        Pattern.compile("previous state: \\{(?:page=(\\d+))?").matcher(Files.readString(log));
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
        Path temp = Files.createDirectories(project.resolve("tmp"));
        TestDestination.forProject(project); // the child reads the project's destination from its folder
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Djava.io.tmpdir=" + temp,
                "-cp",
                System.getProperty("java.class.path"),
                CrashableSyncMain.class.getName(),
                project.toString()));
        command.addAll(args);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
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
