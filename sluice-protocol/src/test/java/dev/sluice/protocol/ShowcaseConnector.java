package dev.sluice.protocol;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.ConfigurationForm;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.FormField;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.sdk.TestResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A served connector with a fixed stream, checked message by message by the Node client
 * ({@code src/test/node/client-check.js}): 150 orders after a truncate, a checkpoint, an
 * undeclared table, a warning, a delete and a last checkpoint.
 */
public final class ShowcaseConnector implements Connector {

    @Override
    public ConfigurationForm configurationForm() {
        return ConfigurationForm.builder()
                .field(FormField.text("shop", "Shop name").required())
                .field(FormField.password("api_key", "API key").required())
                .field(FormField.dropdown("region", "Region", "eu", "us"))
                .field(FormField.toggle("sandbox", "Sandbox"))
                .test(
                        "shop",
                        "Checking the shop name",
                        cfg -> cfg.get("shop") == null
                                ? TestResult.failure("no shop configured")
                                : TestResult.success())
                .build();
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("orders")
                .primaryKey("id")
                .column("id", DataType.LONG)
                .decimalColumn("amount", 10, 2)
                .column("created", DataType.NAIVE_DATE)
                .build());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        long start = state.getLong("page", 0) * 1000;
        operations.truncate("orders");
        for (long id = start + 1; id <= start + 150; id++) {
            operations.upsert(
                    "orders",
                    Map.of(
                            "id",
                            id,
                            "amount",
                            new BigDecimal(id + ".5"),
                            "created",
                            LocalDate.of(2024, 1, 1).plusDays(id % 30)));
        }
        operations.checkpoint(state.put("page", 1));
        operations.upsert("events", Map.of("id", 1, "payload", Map.of("kind", "sync", "n", 150)));
        operations.warning("almost done");
        operations.delete("orders", Map.of("id", start + 3));
        operations.checkpoint(state.put("page", 2));
    }
}
