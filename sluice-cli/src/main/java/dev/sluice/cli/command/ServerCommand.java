package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.server.ServerOptions;
import dev.sluice.server.ServerStartException;
import dev.sluice.server.SluiceServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice server}: runs the Sluice server until SIGTERM or Ctrl-C, then stops in order and
 * exits with 0. Prints its URL, and on a first start the generated admin API key.
 */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = {
            "Run the Sluice server: a REST API (/api/v1, see /api/v1/openapi.json) with API keys and destinations;"
                    + " its metadata lives in an embedded H2 database in the data directory, or in PostgreSQL"
                    + " with --database.",
            "On the first start it creates an admin API key: SLUICE_ADMIN_API_KEY when set, else a generated key,"
                    + " printed once and written to DATA-DIR/admin-api-key (mode 0600). Secrets are encrypted with"
                    + " the master key SLUICE_MASTER_KEY (base64 of 32 bytes) or DATA-DIR/master-key, created on the"
                    + " first start.",
            "Stops with Ctrl-C or SIGTERM."
        })
public final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "sluice-data",
            description = "Data directory: metadata database, key files, the warehouse destination's"
                    + " warehouse.db (default: sluice-data; created when missing).")
    Path dataDir;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8080",
            description = "Port to listen on (default: 8080; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface).")
    String host;

    @Option(
            names = "--database",
            paramLabel = "JDBC-URL",
            defaultValue = "${env:SLUICE_DATABASE_URL}",
            description = "Keep the metadata in PostgreSQL, e.g. jdbc:postgresql://db.internal:5432/sluice; the user"
                    + " and password from the URL or SLUICE_DATABASE_USER and SLUICE_DATABASE_PASSWORD"
                    + " (default: an H2 file in the data directory; env SLUICE_DATABASE_URL).")
    String database;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        StopSignals signals = new StopSignals();
        SluiceServer server;
        try {
            server = SluiceServer.start(new ServerOptions(dataDir, host, port, database, System.getenv()));
        } catch (ServerStartException e) {
            throw new CliException(e.getMessage(), e);
        }
        try {
            printBanner(out, server);
            signals.await();
        } finally {
            server.close();
        }
        out.println("Sluice server stopped.");
        out.flush();
        return 0;
    }

    private void printBanner(PrintWriter out, SluiceServer server) {
        Path dir = dataDir.toAbsolutePath().normalize();
        out.println("Sluice server on " + server.url());
        out.println("Data directory: " + dir);
        out.println("Metadata: " + server.describeDatabase());
        server.generatedAdminKey().ifPresent(key -> {
            out.println();
            out.println("Admin API key (shown only now; also in " + dir.resolve("admin-api-key") + ", mode 0600):");
            out.println("  " + key);
            out.println("Use it as: export SLUICE_SERVER=" + server.url() + " SLUICE_API_KEY=<the key>");
        });
        out.println();
        out.println("Health: " + server.url() + "/healthz   API: " + server.url() + "/api/v1/openapi.json");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
