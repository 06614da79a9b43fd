package dev.sluice.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandHintTest {

    private static final Path CWD = Path.of("").toAbsolutePath();

    @Test
    void theCurrentFolderIsLeftOutAndAFolderBelowItIsNamedRelatively() {
        assertThat(CommandHint.sluice("debug", CWD)).isEqualTo("sluice debug");
        assertThat(CommandHint.sluice("debug", CWD.resolve("examples/quickstart")))
                .isEqualTo("sluice debug examples/quickstart");
        assertThat(CommandHint.sluice("reset", CWD.getParent(), "--yes")).isEqualTo("sluice reset .. --yes");
    }

    @Test
    void argumentsAreQuotedSoThatTheShellGivesThemBackUnchanged() {
        assertThat(CommandHint.quote("SELECT * FROM tester.customers LIMIT 10"))
                .isEqualTo("\"SELECT * FROM tester.customers LIMIT 10\"");
        assertThat(CommandHint.quote("SELECT * FROM tester.\"CamelCaseTable\""))
                .isEqualTo("'SELECT * FROM tester.\"CamelCaseTable\"'");
        assertThat(CommandHint.quote("it's \"x\"")).isEqualTo("'it'\\''s \"x\"'");
        assertThat(CommandHint.quote("$HOME")).isEqualTo("'$HOME'");
        assertThat(CommandHint.quote("my project")).isEqualTo("\"my project\"");
        assertThat(CommandHint.quote("")).isEqualTo("\"\"");
        assertThat(CommandHint.quote("a/b-c_d.e")).isEqualTo("a/b-c_d.e");
    }

    @Test
    void bareCommandsInEngineMessagesGetTheProject() {
        assertThat(CommandHint.located("changed its primary key: run `sluice reset` to start over", CWD.resolve("p q")))
                .isEqualTo("changed its primary key: run `sluice reset \"p q\"` to start over");
        assertThat(CommandHint.located("run `sluice reset`", CWD)).isEqualTo("run `sluice reset`");
    }
}
