package dev.sluice.engine.core;

import dev.sluice.engine.destination.StoredState;
import dev.sluice.engine.state.StateJson;
import dev.sluice.engine.state.StateStore;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state a sync starts from. The destination keeps each checkpoint's state in the same
 * transaction as its data; the state store is written right after the commit. If a crash fell
 * between the two, the store still holds the previous checkpoint's state: the destination's copy
 * wins and the store is repaired. A store that differs otherwise was edited by the user, and wins.
 *
 * @param state the state to start from
 * @param json the store's JSON text as it now stands, or null when there is none
 */
public record StartState(State state, String json) {

    private static final Logger LOG = LoggerFactory.getLogger(StartState.class);

    /**
     * @param stored the state the destination committed last, or null
     * @param store the state store
     * @param override a state file given on the command line, or null
     * @return the state to start from
     */
    public static StartState resolve(StoredState stored, StateStore store, Path override) {
        String storeJson = store.read();
        if (override != null) {
            String json = StateJson.readText(override);
            if (json == null) {
                throw new SyncException("State file " + override + " not found: check the --state path");
            }
            return new StartState(StateJson.parse(json, override.toString()), storeJson);
        }
        if (stored != null
                && !stored.state().equals(storeJson)
                && (storeJson == null ? stored.previous() == null : storeJson.equals(stored.previous()))) {
            LOG.info(
                    "{} was one checkpoint behind the destination (the last run stopped while saving it): repaired",
                    store.describe());
            store.write(stored.state());
            storeJson = stored.state();
        }
        State state = storeJson == null ? State.empty() : StateJson.parse(storeJson, store.describe());
        return new StartState(state, storeJson);
    }
}
