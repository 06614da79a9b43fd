package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.engine.runtime.LoadedConnector;
import dev.sluice.protocol.ProtocolLimits;
import dev.sluice.protocol.serve.ConnectorServer;
import dev.sluice.protocol.serve.JsonLinesOutput;
import dev.sluice.protocol.serve.JsonLog;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice serve}: builds the connector project when its sources changed, loads its connector
 * as {@code sluice debug} does and serves it as a {@code fivetran_sdk.v2.SourceConnector} gRPC
 * server until the process is stopped. From then on everything the process prints (its own
 * lines, SLF4J lines, the connector's prints) goes to stdout as Fivetran's JSON log lines.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the connector project as a Fivetran SourceConnector gRPC server (fivetran_sdk.v2),"
                    + " plaintext, without authentication: by default on 127.0.0.1, so only this machine can"
                    + " connect; --host 0.0.0.0 lets every machine that reaches the port run the connector.",
            "Logs are JSON lines on stdout (levels INFO, WARNING, SEVERE). Stop it with Ctrl+C."
        })
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectDirOption projectDir;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "" + ProtocolLimits.DEFAULT_PORT,
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every"
                    + " interface, or one of this machine's addresses).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--port': " + port + " is not a port: use 0 to 65535");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--host': " + host + " is not a known address: use 127.0.0.1 (the"
                            + " default), 0.0.0.0 or an address of this machine");
        }
        Path project = projectDir.mavenProject();
        JsonLog log = new JsonLog(System.out);
        PrintStream json = new PrintStream(new JsonLinesOutput(log), true, StandardCharsets.UTF_8);
        System.setOut(json);
        PrintWriter out = new PrintWriter(json, true, StandardCharsets.UTF_8);
        DebugCommand.build(project, out, spec.commandLine().getErr());
        LoadedConnector loaded = LoadedConnector.load(project);
        ConnectorServer server;
        try {
            server = ConnectorServer.start(loaded.connector(), address, loaded.loader(), log);
        } catch (UncheckedIOException e) {
            loaded.close();
            throw new CliException(e.getMessage());
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            loaded.close();
                        },
                        "sluice-serve-shutdown"));
        server.awaitTermination();
        return 0;
    }
}
