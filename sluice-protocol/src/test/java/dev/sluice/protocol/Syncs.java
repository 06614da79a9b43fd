package dev.sluice.protocol;

import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.protocol.drive.RemoteConnector;
import dev.sluice.protocol.drive.SelectionFile;
import dev.sluice.protocol.serve.ConnectorServer;
import dev.sluice.protocol.serve.JsonLog;
import dev.sluice.sdk.Connector;
import java.nio.file.Path;
import java.util.Map;

/** Runs syncs in-process and over gRPC on loopback into a project folder. */
public final class Syncs {

    private Syncs() {}

    public static SyncResult inProcess(Connector connector, Path project, Map<String, String> configuration) {
        return SyncRuntime.shared()
                .run(
                        connector,
                        SyncOptions.forProject(project)
                                .configuration(configuration)
                                .build());
    }

    /** Serves the connector on a free loopback port, drives it with the engine and stops the server. */
    public static SyncResult overGrpc(Connector connector, Path project, Map<String, String> configuration) {
        return overGrpc(connector, project, configuration, SelectionFile.everything());
    }

    public static SyncResult overGrpc(
            Connector connector, Path project, Map<String, String> configuration, SelectionFile selection) {
        try (ConnectorServer server = ConnectorServer.start(connector, 0, null, JsonLog.quiet())) {
            return remote("localhost:" + server.port(), project, configuration, selection);
        }
    }

    public static SyncResult remote(
            String target, Path project, Map<String, String> configuration, SelectionFile selection) {
        try (RemoteConnector remote = RemoteConnector.connect(target, selection)) {
            return SyncRuntime.shared()
                    .run(
                            remote,
                            SyncOptions.forProject(project)
                                    .configuration(configuration)
                                    .build());
        }
    }
}
