package dev.sluice.sdk.spi;

import dev.sluice.sdk.Connector;
import java.util.List;

/**
 * Service interface the Sluice engine implements so that {@link dev.sluice.sdk.Sluice#debug}
 * can run a local sync without the SDK depending on the engine. Not for connector authors.
 */
public interface LocalRunner {

    /**
     * Runs one local sync of {@code connector}, printing progress and the summary.
     *
     * @param connector the connector
     * @param args the command-line arguments of {@code sluice debug} (project folder,
     *     {@code --configuration F}, {@code --state F})
     * @throws dev.sluice.sdk.SyncException when the sync fails
     */
    void debug(Connector connector, List<String> args);
}
