package dev.sluice.engine.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbConnectionsTest {

    @TempDir
    Path dir;

    @Test
    void deletesOnlyTheDriversCopiesMappedFromTheTempDirectory() throws IOException {
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        Path mapped = Files.writeString(temp.resolve("libduckdb_java123456789.so"), "lib");
        Path alreadyDeleted = temp.resolve("libduckdb_java42.so");
        Path unmapped = Files.writeString(temp.resolve("libduckdb_java987654321.so"), "another process's copy");
        Path foreign = Files.writeString(other.resolve("libduckdb_java555.so"), "not in the temp directory");
        Path otherLibrary = Files.writeString(temp.resolve("libsomething12.so"), "other");
        Path maps = Files.writeString(
                dir.resolve("maps"),
                String.join(
                        "\n",
                        "7f00-7f10 r--p 00000000 fe:00 1 " + mapped,
                        "7f10-7f20 r-xp 00010000 fe:00 1 " + mapped,
                        "7f20-7f30 r--p 00000000 fe:00 2 " + alreadyDeleted + " (deleted)",
                        "7f30-7f40 r--p 00000000 fe:00 3 " + foreign,
                        "7f40-7f50 r--p 00000000 fe:00 4 " + otherLibrary,
                        "7f50-7f60 rw-p 00000000 00:00 0 [heap]",
                        ""));

        List<Path> deleted = DuckDbConnections.deleteExtractedLibrary(maps, temp);

        assertThat(deleted).containsExactly(mapped, alreadyDeleted);
        assertThat(mapped).doesNotExist();
        assertThat(unmapped).exists();
        assertThat(foreign).exists();
        assertThat(otherLibrary).exists();
    }

    @Test
    void withoutAProcessMapListingNothingIsTouched() throws IOException {
        Path copy = Files.writeString(dir.resolve("libduckdb_java1.so"), "lib");
        assertThat(DuckDbConnections.deleteExtractedLibrary(dir.resolve("no-such-maps"), dir))
                .isEmpty();
        assertThat(copy).exists();
    }

    @Test
    void onLinuxThisProcessKeepsNoCopyOfTheLibraryOnDiskAndDuckDbStillWorks() throws IOException, SQLException {
        Path maps = Path.of("/proc/self/maps");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(maps), "Linux only");
        for (int i = 0; i < 2; i++) {
            try (Connection connection = DuckDbConnections.open(dir.resolve("w" + i + ".db"));
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT 40 + 2")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(42);
            }
        }
        List<String> mappedCopies;
        try (Stream<String> lines = Files.lines(maps)) {
            mappedCopies = lines.filter(line -> line.contains("libduckdb_java")).toList();
        }
        assertThat(mappedCopies)
                .as("DuckDB's library is loaded from an extracted copy")
                .isNotEmpty()
                .allMatch(line -> line.endsWith("(deleted)"), "marked deleted");
    }
}
