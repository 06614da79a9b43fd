package dev.sluice.engine.runtime;

import dev.sluice.sdk.Connector;
import dev.sluice.sdk.SyncException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the one connector of a project through {@code META-INF/services/dev.sluice.sdk.Connector}
 * and creates it. Only providers whose class the connector's own loader defines count, so a
 * provider file on the CLI's classpath is never mistaken for the project's connector.
 */
public final class ConnectorDiscovery {

    /** The service file that names the connector class. */
    public static final String SERVICE_FILE = "META-INF/services/" + Connector.class.getName();

    private ConnectorDiscovery() {}

    /**
     * @param loader the connector's class loader
     * @param project the project, named in messages
     * @return a new instance of the project's only connector
     * @throws SyncException when there is no connector, more than one, or it cannot be created
     */
    public static Connector discover(ClassLoader loader, Path project) {
        List<ServiceLoader.Provider<Connector>> providers;
        try {
            providers = ServiceLoader.load(Connector.class, loader).stream()
                    .filter(p -> p.type().getClassLoader() == loader)
                    .collect(Collectors.toList());
        } catch (ServiceConfigurationError e) {
            if (rootCause(e) instanceof NoSuchMethodException) {
                throw new SyncException(
                        "Cannot create the connector named in " + SERVICE_FILE + " of " + project + ": "
                                + e.getMessage().replace(Connector.class.getName() + ": ", "")
                                + "; it needs a public constructor without arguments",
                        e);
            }
            throw new SyncException(
                    "Cannot load the connector named in src/main/resources/" + SERVICE_FILE + " of "
                            + project + ": " + e.getMessage()
                            + ". The file must hold the fully qualified name of a class"
                            + " that implements " + Connector.class.getName(),
                    e);
        }
        if (providers.isEmpty()) {
            throw new SyncException(
                    "No connector found in " + project + ": add src/main/resources/" + SERVICE_FILE
                            + " with one line, the fully qualified name of your connector class (e.g. com.example.MyConnector)");
        }
        if (providers.size() > 1) {
            throw new SyncException("Found " + providers.size() + " connectors in " + project + " ("
                    + providers.stream().map(p -> p.type().getName()).collect(Collectors.joining(", "))
                    + "): " + SERVICE_FILE + " must name exactly one");
        }
        ServiceLoader.Provider<Connector> provider = providers.get(0);
        try {
            return provider.get();
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new SyncException(
                    "Cannot create the connector " + provider.type().getName() + ": " + cause(e), e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String cause(Throwable e) {
        Throwable root = rootCause(e);
        if (root instanceof NoSuchMethodException) {
            return "it needs a public constructor without arguments";
        }
        if (root == e) {
            return String.valueOf(e.getMessage());
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
