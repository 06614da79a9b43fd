package dev.sluice.engine.runtime;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * A child-first class loader for one connector: classes and resources come from the connector's
 * own classpath before the CLI's, so a connector may use other versions of the libraries the CLI
 * bundles. The JDK ({@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}), the SDK
 * ({@code dev.sluice.sdk.}) and SLF4J ({@code org.slf4j.}) always come from the parent, so the
 * connector and the engine share one {@code Connector} type and one logging setup.
 */
public final class ConnectorClassLoader extends URLClassLoader {

    private static final List<String> PARENT_ONLY =
            List.of("java.", "javax.", "jdk.", "sun.", "dev.sluice.sdk.", "org.slf4j.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader parent;

    /**
     * @param urls the connector's classes folder and jars
     * @param parent the CLI's class loader, which provides the SDK
     */
    public ConnectorClassLoader(URL[] urls, ClassLoader parent) {
        super("sluice-connector", urls, Objects.requireNonNull(parent, "parent"));
        this.parent = parent;
    }

    /**
     * @param className a binary class name
     * @return whether the class is always loaded by the parent
     */
    public static boolean parentOnly(String className) {
        for (String prefix : PARENT_ONLY) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (parentOnly(name)) {
            return parent.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException e) {
                    loaded = parent.loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        if (parentOnly(name.replace('/', '.'))) {
            return parent.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : parent.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        if (!parentOnly(name.replace('/', '.'))) {
            urls.addAll(Collections.list(findResources(name)));
        }
        urls.addAll(Collections.list(parent.getResources(name)));
        return Collections.enumeration(urls);
    }
}
