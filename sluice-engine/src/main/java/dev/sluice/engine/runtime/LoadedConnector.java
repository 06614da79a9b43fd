package dev.sluice.engine.runtime;

import dev.sluice.sdk.Connector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.function.Supplier;

/**
 * A project's connector loaded in its own {@link ConnectorClassLoader}. Close it when the sync is
 * done to release the jars.
 */
public final class LoadedConnector implements AutoCloseable {

    private final Connector connector;
    private final ConnectorClassLoader loader;

    private LoadedConnector(Connector connector, ConnectorClassLoader loader) {
        this.connector = connector;
        this.loader = loader;
    }

    /**
     * Loads the connector of a built project.
     *
     * @param project the project; its build must have written {@code target/sluice.classpath}
     * @return the connector and its loader
     * @throws dev.sluice.cli.SyncException when the connector cannot be found or created
     */
    public static LoadedConnector load(Path project) {
        // DriverManager loads drivers once, through the context class loader of its first use:
        // make that the CLI's, so the engine finds its own DuckDB driver even when the connector ships one
        DriverManager.getDrivers();
        ConnectorClassLoader loader = new ConnectorClassLoader(
                ConnectorClasspath.toUrls(ConnectorClasspath.of(project)), Connector.class.getClassLoader());
        try {
            Connector connector = withContextLoader(loader, () -> ConnectorDiscovery.discover(loader, project));
            return new LoadedConnector(connector, loader);
        } catch (RuntimeException e) {
            closeQuietly(loader, e);
            throw e;
        }
    }

    /** @return the connector instance */
    public Connector connector() {
        return connector;
    }

    /** @return the loader that defined the connector's classes */
    public ClassLoader loader() {
        return loader;
    }

    /**
     * Runs work with the connector's loader as the thread's context class loader, as libraries
     * that load classes or resources by name expect.
     *
     * @param work what to run
     * @param <T> its result type
     * @return its result
     */
    public <T> T call(Supplier<T> work) {
        return withContextLoader(loader, work);
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void closeQuietly(ConnectorClassLoader loader, RuntimeException failure) {
        try {
            loader.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
