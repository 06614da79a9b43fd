package dev.sluice.protocol.serve;

import dev.sluice.protocol.ProtocolLimits;
import dev.sluice.sdk.Connector;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Serves a Sluice {@link Connector} as a {@code fivetran_sdk.v2.SourceConnector} gRPC server, in
 * plaintext on all interfaces (IPv4 and IPv6), with messages up to 128 MiB both ways:
 *
 * <pre>{@code
 * try (ConnectorServer server = ConnectorServer.start(new MyConnector(), 50051, null, new JsonLog(System.out))) {
 *     server.awaitTermination();
 * }
 * }</pre>
 *
 * Each {@code Update} runs the connector on its own thread; concurrent calls are allowed as far as
 * the connector itself allows them. Thread-safe.
 */
public final class ConnectorServer implements AutoCloseable {

    private final Server server;
    private final JsonLog log;
    private final int port;

    private ConnectorServer(Server server, JsonLog log) {
        this.server = server;
        this.log = log;
        this.port = server.getPort();
    }

    /**
     * Starts serving.
     *
     * @param connector the connector
     * @param port the port; 0 picks a free one (see {@link #port()})
     * @param contextLoader the context class loader for the connector's calls (its own loader when
     *     it was loaded in isolation), or null for the caller's
     * @param log where the server logs, as JSON lines
     * @return the running server
     * @throws UncheckedIOException when the port cannot be bound, naming it
     */
    public static ConnectorServer start(Connector connector, int port, ClassLoader contextLoader, JsonLog log) {
        ClassLoader loader =
                contextLoader != null ? contextLoader : Thread.currentThread().getContextClassLoader();
        Server server = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create())
                .addService(UpdateMethod.bind(new SourceConnectorService(connector, loader, log)))
                .maxInboundMessageSize(ProtocolLimits.MAX_MESSAGE_BYTES)
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot listen on port " + port + ": " + e.getMessage()
                            + " (is another server using it? choose another with --port)",
                    e);
        }
        log.info("Sluice connector " + connector.getClass().getName()
                + " serving fivetran_sdk.v2.SourceConnector on port " + server.getPort());
        return new ConnectorServer(server, log);
    }

    /** @return the port the server listens on */
    public int port() {
        return port;
    }

    /**
     * Blocks until the server stops.
     *
     * @throws InterruptedException when interrupted
     */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /** Stops accepting calls, waits up to 5 seconds for running ones, then stops them. */
    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.info("Server on port " + port + " stopped");
    }
}
