package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution the build makes ({@code target/sluice-<version>.tar.gz}), unpacked with tar: its
 * {@code bin/sluice} runs, and {@code bin/sluice install} links it into a bin folder from which it
 * runs too.
 */
@DisabledOnOs(OS.WINDOWS)
class DistributionIT {

    @TempDir
    Path tmp;

    record Result(int exitCode, String output) {}

    private Result run(List<String> command, Map<String, String> environment) throws Exception {
        Path log = Files.createTempFile(tmp, "process", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.directory(tmp.toFile());
        builder.environment().remove("SLUICE_HOME");
        builder.environment().remove("SLUICE_LAUNCHER");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish:\n" + read(log));
        }
        return new Result(process.exitValue(), read(log));
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void theUnpackedArchiveRunsAndInstallsItselfOnThePath() throws Exception {
        Path archive = Path.of(System.getProperty("sluice.dist", "target/sluice-unknown.tar.gz"));
        assertThat(archive).isRegularFile();
        String name = archive.getFileName().toString().replace(".tar.gz", "");
        String version = name.substring("sluice-".length());

        Result untar = run(List.of("tar", "-xzf", archive.toAbsolutePath().toString()), Map.of());
        assertThat(untar.exitCode()).as(untar.output()).isZero();
        Path dist = tmp.resolve(name);
        assertThat(dist.resolve("bin/sluice")).isExecutable();
        assertThat(dist.resolve("lib/sluice.jar")).isRegularFile();
        assertThat(dist.resolve("README.txt")).content().contains("Sluice " + version, "bin/sluice install");

        Result version1 = run(List.of(dist.resolve("bin/sluice").toString(), "--version"), Map.of());
        assertThat(version1.exitCode()).as(version1.output()).isZero();
        assertThat(version1.output()).contains(version);

        Path bin = tmp.resolve("my-bin");
        String path = bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Result install = run(
                List.of(dist.resolve("bin/sluice").toString(), "install", "--bin-dir", bin.toString()),
                Map.of("PATH", path, "HOME", home.toString()));
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.output())
                .contains("Linked " + bin.resolve("sluice") + " -> "
                        + dist.resolve("bin/sluice").toRealPath())
                .contains("`sluice` now runs from any folder");

        Result linked = run(List.of("sh", "-c", "cd / && sluice version"), Map.of("PATH", path));
        assertThat(linked.exitCode()).as(linked.output()).isZero();
        assertThat(linked.output()).contains("sluice " + version);
    }
}
