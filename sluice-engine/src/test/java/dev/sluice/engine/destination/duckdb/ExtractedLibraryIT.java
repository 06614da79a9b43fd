package dev.sluice.engine.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A sync process killed with SIGKILL must not leave DuckDB's 60 MB native library behind. */
@EnabledOnOs(OS.LINUX)
class ExtractedLibraryIT {

    @TempDir
    Path dir;

    @Test
    void aProcessKilledWhileTheWarehouseIsOpenLeavesNoLibraryCopyInItsTempDirectory() throws Exception {
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.io.tmpdir=" + temp,
                        "-cp",
                        System.getProperty("java.class.path"),
                        OpenWarehouseAndWait.class.getName(),
                        dir.resolve("files/warehouse.db").toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("OPEN")) {
                // skip what the JVM and the logger print first
            }
            assertThat(line).as("the child opened the warehouse").isEqualTo("OPEN");
            assertThat(libraryCopies(temp))
                    .as("the copy is gone while the process still runs")
                    .isEmpty();
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(libraryCopies(temp)).as("nothing left after kill -9").isEmpty();
    }

    private static List<Path> libraryCopies(Path temp) throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(file -> file.getFileName().toString().startsWith("libduckdb_java"))
                    .toList();
        }
    }

    /** Opens a warehouse, says OPEN and waits to be killed. */
    public static final class OpenWarehouseAndWait {
        public static void main(String[] args) throws Exception {
            try (DuckDbDestination warehouse =
                    DuckDbDestination.open(new DuckDbInstances("64MB"), Path.of(args[0]), "tester", 1000, 1000)) {
                System.out.println("OPEN");
                System.out.flush();
                Thread.sleep(TimeUnit.MINUTES.toMillis(2));
            }
        }
    }
}
