package dev.sluice.sdk;

import dev.sluice.sdk.spi.LocalRunner;
import java.util.Arrays;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Runs a connector from its own {@code main}, for example in an IDE with breakpoints:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Sluice.debug(new MyConnector(), args);
 * }
 * }</pre>
 *
 * It does what {@code sluice debug} does: reads {@code configuration.json}, resumes from
 * {@code files/state.json} and syncs into {@code files/warehouse.db} of the project folder
 * (the working directory unless the first argument names another). The engine must be on the
 * classpath: connector projects built on {@code sluice-connector-parent} have it in
 * {@code provided} scope (in IntelliJ, tick "Add dependencies with provided scope to classpath").
 */
public final class Sluice {

    private Sluice() {}

    /**
     * Runs one local sync.
     *
     * @param connector the connector to run
     * @param args optional project folder, {@code --configuration F}, {@code --state F}
     * @throws SyncException when the sync fails or no engine is on the classpath
     */
    public static void debug(Connector connector, String... args) {
        Iterator<LocalRunner> runners = ServiceLoader.load(LocalRunner.class, Sluice.class.getClassLoader())
                .iterator();
        if (!runners.hasNext()) {
            throw new SyncException("The Sluice engine is not on the classpath: add the dependency"
                    + " dev.sluice:sluice-engine (scope provided), or run `sluice debug` in the project folder");
        }
        runners.next().debug(connector, Arrays.asList(args));
    }
}
