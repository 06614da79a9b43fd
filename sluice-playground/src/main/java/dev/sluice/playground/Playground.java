package dev.sluice.playground;

import dev.sluice.playground.data.Dataset;
import dev.sluice.playground.data.Snapshot;
import dev.sluice.playground.http.HttpApi;
import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running API playground: a local mock REST API over deterministic data (see the module's
 * README for the routes). Start one with {@link #start(PlaygroundOptions)} and close it when done:
 *
 * <pre>{@code
 * try (Playground playground = Playground.start(PlaygroundOptions.defaults())) {
 *     URI users = URI.create(playground.baseUrl() + "/pagination/page_number?per_page=50");
 *     ...
 *     playground.advance(3); // new, updated and deleted users
 * }
 * }</pre>
 *
 * <p>Thread-safe. Requests are served on Jetty's threads; {@link #advance} may be called at any
 * time and requests see either the data before or after a whole call, never a partial step.
 */
public final class Playground implements AutoCloseable {

    private final Dataset dataset;
    private final Javalin server;
    private final PlaygroundOptions options;
    private final ScheduledExecutorService ticker;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Playground(PlaygroundOptions options) {
        this.options = options;
        this.dataset = new Dataset(options.seed(), options.users());
        this.server = new HttpApi(dataset, options).create();
        this.ticker = options.autoAdvance() == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "playground-auto-advance");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Generates the data and starts serving.
     *
     * @param options the settings
     * @return the running playground
     * @throws IllegalStateException when the server cannot start, e.g. because the port is taken
     */
    public static Playground start(PlaygroundOptions options) {
        Playground playground = new Playground(options);
        try {
            playground.server.start();
        } catch (RuntimeException e) {
            playground.server.stop();
            throw new IllegalStateException(
                    "Cannot start the API playground on " + options.host() + ":"
                            + options.port() + ": " + rootMessage(e)
                            + (options.port() == 0
                                    ? ""
                                    : "; is the port in use? Choose another one (port 0 picks a free one)"),
                    e);
        }
        if (playground.ticker != null) {
            long millis = options.autoAdvance().toMillis();
            // runs until close() shuts the ticker down
            var unused = playground.ticker.scheduleAtFixedRate(
                    () -> playground.advance(1), millis, millis, TimeUnit.MILLISECONDS);
        }
        return playground;
    }

    /** @return the URL the playground answers on, e.g. {@code http://127.0.0.1:5001}, without a trailing slash */
    public String baseUrl() {
        String host = options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** @return the port it listens on */
    public int port() {
        return server.port();
    }

    /** @return the settings it runs with */
    public PlaygroundOptions options() {
        return options;
    }

    /** @return every route it serves */
    public List<Route> routes() {
        return HttpApi.ROUTES;
    }

    /**
     * Applies change steps: each adds users, updates some, deletes some and moves the simulated
     * clock forward by one hour.
     *
     * @param steps how many, at least 0
     * @return the data after them
     */
    public Snapshot advance(int steps) {
        return dataset.advance(steps);
    }

    /** @return the data as served now */
    public Snapshot snapshot() {
        return dataset.snapshot();
    }

    /** Stops serving; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
        server.stop();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
