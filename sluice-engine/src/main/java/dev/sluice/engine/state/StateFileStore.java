package dev.sluice.engine.state;

import java.nio.file.Path;

/**
 * State kept in a JSON file, {@code files/state.json} of a connector project, replaced atomically
 * (written beside it, then renamed over it).
 *
 * @param file the state file
 */
public record StateFileStore(Path file) implements StateStore {

    @Override
    public String read() {
        return StateJson.readText(file);
    }

    @Override
    public void write(String json) {
        StateJson.write(file, json);
    }

    @Override
    public String describe() {
        return file.toString();
    }
}
