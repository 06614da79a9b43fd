package dev.sluice.examples.postgres.tunnel;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.Sluice;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.toolkit.jdbc.IncrementalJdbcReader;
import dev.sluice.toolkit.jdbc.JdbcConnections;
import dev.sluice.toolkit.jdbc.JdbcSource;
import dev.sluice.toolkit.ssh.SshTunnel;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Syncs two tables of a PostgreSQL database that is reachable only through an SSH bastion: each
 * sync opens an {@link SshTunnel} (key or password login, the bastion's host key checked against
 * {@code ssh_known_host}), connects to the database through it and reads {@code customers} (by
 * {@code updated_at}) and {@code orders} (by {@code version}) incrementally.
 *
 * <p>Configuration: the database as the bastion sees it ({@code host}, {@code port},
 * {@code database}, {@code user}, {@code password}, {@code schema}, {@code batch_size}) and the
 * bastion ({@code ssh_host}, {@code ssh_port}, {@code ssh_user}, {@code ssh_known_host}, and
 * {@code ssh_private_key} with {@code ssh_private_key_passphrase}, or {@code ssh_password}).
 */
public final class PostgresSshTunnelConnector implements Connector {

    @Override
    public List<Table> schema(Configuration configuration) throws Exception {
        try (SshTunnel tunnel = openTunnel(configuration);
                Connection connection = connect(configuration, tunnel)) {
            List<Table> tables = new ArrayList<>();
            for (IncrementalJdbcReader reader : readers(configuration)) {
                tables.add(reader.describe(connection));
            }
            return tables;
        }
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        try (SshTunnel tunnel = openTunnel(configuration);
                Connection connection = connect(configuration, tunnel)) {
            for (IncrementalJdbcReader reader : readers(configuration)) {
                reader.sync(connection, state, operations);
            }
        }
        operations.checkpoint(state);
    }

    private static SshTunnel openTunnel(Configuration configuration) {
        return SshTunnel.builder()
                .configuration(configuration)
                .open(configuration.require("host"), configuration.getInt("port", 5432));
    }

    private static Connection connect(Configuration configuration, SshTunnel tunnel) {
        String url = "jdbc:postgresql://" + tunnel.localHost() + ":" + tunnel.localPort() + "/"
                + configuration.require("database");
        return JdbcConnections.open(url, configuration.require("user"), configuration.get("password", ""));
    }

    private static List<IncrementalJdbcReader> readers(Configuration configuration) {
        String schema = configuration.get("schema", "public");
        int batchSize = configuration.getInt("batch_size", 10_000);
        return List.of(
                IncrementalJdbcReader.of(JdbcSource.table(schema + ".customers"))
                        .cursorColumn("updated_at")
                        .batchSize(batchSize)
                        .build(),
                IncrementalJdbcReader.of(JdbcSource.table(schema + ".orders"))
                        .cursorColumn("version")
                        .batchSize(batchSize)
                        .build());
    }

    /**
     * Runs one local sync of this project from an IDE, as {@code sluice debug} does.
     *
     * @param args optional project folder, {@code --configuration F}, {@code --state F}
     */
    public static void main(String[] args) {
        Sluice.debug(new PostgresSshTunnelConnector(), args);
    }
}
