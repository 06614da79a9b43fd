package dev.sluice.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.TestDestination;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found while building the crash tests: in a keyless table, an identical row upserted again after
 * its INT column was widened to DOUBLE gets a different {@code _fivetran_id}, so it does not
 * collapse into the first one (the README: "keyless tables get {@code _fivetran_id}, a hash of the
 * row's values, so identical rows collapse"; {@code RowHasher}: "Values are hashed in a form that a
 * type widening does not change"). {@code RowHasher.text} hashes the canonical value's
 * {@code toString()}: Integer 4 gives {@code "4"}, but once the column is DOUBLE the same 4 is
 * converted to Double 4.0 and gives {@code "4.0"}. DECIMAL widening is safe (stripTrailingZeros).
 */
class KeylessRowsAcrossWideningIT {

    @TempDir
    Path project;

    @Test
    void anIdenticalKeylessRowCollapsesAfterItsIntColumnWidenedToDouble() {
        Connector connector = new Connector() {
            @Override
            public void update(Configuration configuration, State state, Operations operations) {
                operations.upsert("events", row("a", 4));
                operations.upsert("events", row("b", 0.5)); // widens weight from INT to DOUBLE
                operations.upsert("events", row("a", 4)); // the same row as the first
                operations.checkpoint(State.empty());
            }
        };
        SyncResult result = SyncRuntime.shared()
                .run(
                        connector,
                        SyncOptions.forProject(project)
                                .destination(TestDestination.forProject(project))
                                .configuration(Map.of())
                                .build());
        assertThat(result.succeeded()).as(result.failureMessage()).isTrue();
        try (WarehouseReader reader = WarehouseReader.open(TestDestination.forProject(project))) {
            List<Map<String, Object>> rows = reader.query("SELECT kind, weight FROM tester.events ORDER BY kind")
                    .rows();
            assertThat(rows)
                    .as("identical rows of a keyless table collapse into one")
                    .hasSize(2);
        }
    }

    private static Map<String, Object> row(String kind, Object weight) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", kind);
        row.put("weight", weight);
        return row;
    }
}
