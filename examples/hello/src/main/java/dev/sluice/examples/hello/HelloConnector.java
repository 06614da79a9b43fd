package dev.sluice.examples.hello;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.Sluice;
import dev.sluice.sdk.State;
import java.util.Map;

/**
 * The smallest connector: one row into table {@code greetings}, then a checkpoint. The table is
 * not declared, so it has no primary key and Sluice adds {@code _fivetran_id}, a hash of the
 * row's values: syncing the same row again leaves one row.
 */
public final class HelloConnector implements Connector {

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        operations.upsert("greetings", Map.of("message", "hello, world"));
        operations.checkpoint(state);
    }

    /**
     * Runs one local sync of this project from an IDE, as {@code sluice debug} does.
     *
     * @param args optional project folder, {@code --configuration F}, {@code --state F}
     */
    public static void main(String[] args) {
        Sluice.debug(new HelloConnector(), args);
    }
}
