package dev.sluice.protocol.serve;

import dev.sluice.protocol.ProtocolLimits;
import dev.sluice.sdk.Connector;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Serves a Sluice {@link Connector} as a {@code fivetran_sdk.v2.SourceConnector} gRPC server, in
 * plaintext, on one address or on all interfaces (IPv4 and IPv6), with messages up to 128 MiB both
 * ways:
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
     * Starts serving on every interface.
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
        return start(connector, new InetSocketAddress(port), contextLoader, log);
    }

    /**
     * Starts serving on one address; the start line says whether only this machine can connect
     * (a loopback address) or others too.
     *
     * @param connector the connector
     * @param address the address and port to listen on, e.g. {@code 127.0.0.1:50051}; port 0 picks a
     *     free one (see {@link #port()}); the wildcard address listens on every interface
     * @param contextLoader the context class loader for the connector's calls (its own loader when
     *     it was loaded in isolation), or null for the caller's
     * @param log where the server logs, as JSON lines
     * @return the running server
     * @throws UncheckedIOException when the address cannot be bound, naming it
     */
    public static ConnectorServer start(
            Connector connector, InetSocketAddress address, ClassLoader contextLoader, JsonLog log) {
        ClassLoader loader =
                contextLoader != null ? contextLoader : Thread.currentThread().getContextClassLoader();
        Server server = NettyServerBuilder.forAddress(address, InsecureServerCredentials.create())
                .addService(UpdateMethod.bind(new SourceConnectorService(connector, loader, log)))
                .maxInboundMessageSize(ProtocolLimits.MAX_MESSAGE_BYTES)
                .build();
        String host = host(address);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot listen on " + host + " port " + address.getPort() + ": " + rootMessage(e)
                            + " (is another server using the port? choose another with --port; is " + host
                            + " an address of this machine? choose another with --host)",
                    e);
        }
        log.info("Sluice connector " + connector.getClass().getName()
                + " serving fivetran_sdk.v2.SourceConnector on " + host + " port " + server.getPort() + " ("
                + reach(address) + ")");
        return new ConnectorServer(server, log);
    }

    private static String host(InetSocketAddress address) {
        return address.getAddress() == null
                ? address.getHostString()
                : address.getAddress().getHostAddress();
    }

    private static String reach(InetSocketAddress address) {
        if (address.getAddress() != null && address.getAddress().isLoopbackAddress()) {
            return "plaintext; only this machine can connect";
        }
        return "plaintext, no authentication; anyone who can reach this port can run the connector";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
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
