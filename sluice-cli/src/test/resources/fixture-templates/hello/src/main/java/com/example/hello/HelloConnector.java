package com.example.hello;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import java.util.Map;

public class HelloConnector implements Connector {
    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        operations.upsert("hello", Map.of("id", 1, "message", "hello, world"));
        operations.checkpoint(state);
    }
}
