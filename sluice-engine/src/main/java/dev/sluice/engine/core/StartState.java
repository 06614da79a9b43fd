package dev.sluice.engine.core;

import dev.sluice.engine.duckdb.Warehouse;
import dev.sluice.engine.input.StateFile;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state a sync starts from. The warehouse keeps each checkpoint's state in the same
 * transaction as its data; {@code state.json} is written right after the commit. If a crash fell
 * between the two, the file still holds the previous checkpoint's state: the warehouse's copy wins
 * and the file is repaired. A file that differs otherwise was edited by the user, and wins.
 *
 * @param state the state to start from
 * @param json the state file's JSON text as it now stands, or null when there is none
 */
public record StartState(State state, String json) {

    private static final Logger LOG = LoggerFactory.getLogger(StartState.class);

    /**
     * @param warehouse the open warehouse
     * @param stateFile {@code files/state.json}
     * @param override a state file given on the command line, or null
     * @return the state to start from
     */
    public static StartState resolve(Warehouse warehouse, Path stateFile, Path override) {
        String fileJson = StateFile.readText(stateFile);
        if (override != null) {
            String json = StateFile.readText(override);
            if (json == null) {
                throw new SyncException("State file " + override + " not found: check the --state path");
            }
            return new StartState(StateFile.parse(json, override.toString()), fileJson);
        }
        Warehouse.StoredState stored = warehouse.storedState();
        if (stored != null && !stored.state().equals(fileJson)
                && (fileJson == null ? stored.previous() == null : fileJson.equals(stored.previous()))) {
            LOG.info("state.json was one checkpoint behind the warehouse (the last run stopped while saving it): repaired");
            StateFile.write(stateFile, stored.state());
            fileJson = stored.state();
        }
        State state = fileJson == null ? State.empty() : StateFile.parse(fileJson, stateFile.toString());
        return new StartState(state, fileJson);
    }
}
