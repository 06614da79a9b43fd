package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.naming.NamingStrategy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schema keeps the naming rule of its first sync: switching it later is refused, not doubled. */
class NamingSwitchIT {

    @TempDir
    Path dir;

    @Test
    void aSyncWithTheOtherNamingIsRefusedAndLeavesTheTablesAlone() {
        new SyncHarness(dir).ok((s, ops) -> ops.upsert("CamelCaseTable", Map.of("Id", 1)));
        SyncHarness source = new SyncHarness(dir).naming(NamingStrategy.SOURCE);

        String message = source.fails((s, ops) -> ops.upsert("CamelCaseTable", Map.of("Id", 2)));

        assertThat(message)
                .contains("holds tables named by --naming fivetran")
                .contains("asks for --naming source")
                .contains("Sync with --naming fivetran")
                .contains("`sluice reset`");
        assertThat(source.tables()).containsExactly("camel_case_table");
        assertThat(source.count("SELECT count(*) FROM tester.camel_case_table")).isEqualTo(1);
    }

    @Test
    void theSameNamingSyncsAgain() {
        SyncHarness h = new SyncHarness(dir).naming(NamingStrategy.SOURCE);
        h.ok((s, ops) -> ops.upsert("CamelCaseTable", Map.of("Id", 1)));
        h.ok((s, ops) -> ops.upsert("CamelCaseTable", Map.of("Id", 2)));

        assertThat(h.tables()).containsExactly("CamelCaseTable");
    }
}
