package dev.sluice.testkit;

import dev.sluice.engine.CheckpointObserver;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.ProjectLayout;
import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.naming.NamingStrategy;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every sync of one tester shares: the configuration and the engine settings. Turns them
 * into {@link SyncOptions} for any project folder, so the resume check syncs its throw-away
 * projects exactly as the tester syncs its own.
 *
 * @param configuration the configuration given in code, or null when a file is used
 * @param configurationFile an absolute configuration file, or null when a map is used
 * @param naming the naming rule
 * @param flushRows buffered operations that trigger a flush
 * @param destination where the tester's own syncs write, or null for its project's DuckDB file
 */
record TesterSyncOptions(
        Map<String, String> configuration,
        Path configurationFile,
        NamingStrategy naming,
        int flushRows,
        DestinationConfig destination) {

    /** @return the defaults: an empty configuration, Fivetran naming, the engine's flush size */
    static TesterSyncOptions defaults() {
        return new TesterSyncOptions(Map.of(), null, NamingStrategy.FIVETRAN, SyncOptions.DEFAULT_FLUSH_ROWS, null);
    }

    TesterSyncOptions withConfiguration(Map<String, String> values) {
        return new TesterSyncOptions(Map.copyOf(values), null, naming, flushRows, destination);
    }

    TesterSyncOptions withConfigurationFile(Path file) {
        return new TesterSyncOptions(null, file.toAbsolutePath().normalize(), naming, flushRows, destination);
    }

    TesterSyncOptions withNaming(NamingStrategy strategy) {
        return new TesterSyncOptions(configuration, configurationFile, strategy, flushRows, destination);
    }

    TesterSyncOptions withFlushRows(int rows) {
        return new TesterSyncOptions(configuration, configurationFile, naming, rows, destination);
    }

    TesterSyncOptions withDestination(DestinationConfig config) {
        return new TesterSyncOptions(configuration, configurationFile, naming, flushRows, config);
    }

    /** @return these settings writing each project's own DuckDB file, as the resume check's throw-away projects do */
    TesterSyncOptions inProjectFiles() {
        return withDestination(null);
    }

    /**
     * @param projectDir a project folder
     * @return where its syncs write: the destination, else schema tester of its files/warehouse.db
     */
    DestinationConfig destinationFor(Path projectDir) {
        return destination != null
                ? destination
                : new DestinationConfig.DuckDb(ProjectLayout.of(projectDir).warehouseFile(), ProjectLayout.SCHEMA);
    }

    /**
     * @param projectDir the project to sync
     * @param observer told of each checkpoint, or null
     * @return options for one sync of that project
     */
    SyncOptions options(Path projectDir, CheckpointObserver observer) {
        SyncOptions.Builder builder = SyncOptions.forProject(projectDir)
                .naming(naming)
                .flushRows(flushRows)
                .checkpointObserver(observer)
                .destination(destinationFor(projectDir));
        return configurationFile != null
                ? builder.configurationFile(configurationFile).build()
                : builder.configuration(configuration).build();
    }
}
