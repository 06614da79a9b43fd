package dev.sluice.engine;

import dev.sluice.engine.destination.DestinationFactory;
import dev.sluice.engine.naming.NamingStrategy;
import dev.sluice.engine.state.StateFileStore;
import dev.sluice.engine.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to run one sync: the project, where configuration and state come from, where the rows go, the
 * naming rule, the write-path limits and an optional deadline. Immutable; build with
 * {@link #forProject(Path)}.
 *
 * <p>By default a sync reads {@code <project>/configuration.json}, keeps state in
 * {@code <project>/files/state.json} and writes schema {@value ProjectLayout#SCHEMA} of
 * {@code <project>/files/warehouse.db} (see {@link ProjectLayout}); each can be replaced.
 */
public final class SyncOptions {

    /** Default number of buffered operations that triggers a flush into the destination. */
    public static final int DEFAULT_FLUSH_ROWS = 100_000;
    /**
     * Default number of operations written since the last commit after which the engine commits
     * without saving state, so that a long stretch without a checkpoint keeps memory bounded.
     */
    public static final int DEFAULT_COMMIT_ROWS = 1_000_000;

    private final ProjectLayout layout;
    private final Path configurationFile;
    private final Map<String, String> configuration;
    private final Path stateOverride;
    private final StateStore stateStore;
    private final DestinationConfig destinationConfig;
    private final DestinationFactory destination;
    private final NamingStrategy naming;
    private final int flushRows;
    private final int commitRows;
    private final Duration deadline;
    private final CheckpointObserver checkpointObserver;

    private SyncOptions(Builder b) {
        this.layout = b.layout;
        this.configurationFile = b.configurationFile;
        this.configuration = b.configuration == null ? null : Map.copyOf(b.configuration);
        this.stateOverride = b.stateOverride;
        this.stateStore = b.stateStore != null ? b.stateStore : new StateFileStore(b.layout.stateFile());
        DestinationConfig base = b.destinationConfig != null
                ? b.destinationConfig
                : new DestinationConfig.DuckDb(
                        b.warehouseFile != null ? b.warehouseFile : b.layout.warehouseFile(), ProjectLayout.SCHEMA);
        this.destinationConfig = b.schema != null ? base.withSchema(b.schema) : base;
        this.destination = b.destination;
        this.naming = b.naming;
        this.flushRows = b.flushRows;
        this.commitRows = b.commitRows;
        this.deadline = b.deadline;
        this.checkpointObserver = b.checkpointObserver;
    }

    /**
     * @param projectDir the connector project's folder
     * @return a builder with the defaults
     */
    public static Builder forProject(Path projectDir) {
        return new Builder(ProjectLayout.of(Objects.requireNonNull(projectDir, "projectDir")));
    }

    /** @return the project's layout */
    public ProjectLayout layout() {
        return layout;
    }

    /** @return the project folder */
    public Path projectDir() {
        return layout.dir();
    }

    /**
     * @return the DuckDB file the sync writes ({@code files/warehouse.db} by default), or null when
     *     its destination is not a DuckDB file
     */
    public Path warehouseFile() {
        return destinationConfig instanceof DestinationConfig.DuckDb duckDb ? duckDb.file() : null;
    }

    /** @return the schema the connector's tables go to */
    public String schema() {
        return destinationConfig.schema();
    }

    /**
     * @return the destination the sync writes: schema {@value ProjectLayout#SCHEMA} of the project's
     *     {@code files/warehouse.db} unless another was given
     */
    public DestinationConfig destinationConfig() {
        return destinationConfig;
    }

    /** @return a custom destination to write instead of {@link #destinationConfig()}, or null */
    public DestinationFactory destination() {
        return destination;
    }

    /** @return where checkpoints save state, {@code files/state.json} by default */
    public StateStore stateStore() {
        return stateStore;
    }

    /** @return a state file to start from instead of the state store's, or null */
    public Path stateOverride() {
        return stateOverride;
    }

    /** @return the configuration file to read */
    public Path configurationFile() {
        return configurationFile != null ? configurationFile : layout.configurationFile();
    }

    /** @return a configuration given in code (no file is read), or null */
    public Map<String, String> configuration() {
        return configuration;
    }

    /** @return the naming rule */
    public NamingStrategy naming() {
        return naming;
    }

    /** @return how many buffered operations trigger a flush, at most */
    public int flushRows() {
        return flushRows;
    }

    /** @return how many operations written since the last commit trigger a commit without state, at most */
    public int commitRows() {
        return commitRows;
    }

    /** @return how long the sync may run before it is cancelled, or null for no limit */
    public Duration deadline() {
        return deadline;
    }

    /** @return the checkpoint observer, or null */
    public CheckpointObserver checkpointObserver() {
        return checkpointObserver;
    }

    /** Collects options. Not thread-safe. */
    public static final class Builder {
        private final ProjectLayout layout;
        private Path configurationFile;
        private Map<String, String> configuration;
        private Path stateOverride;
        private StateStore stateStore;
        private Path warehouseFile;
        private String schema;
        private DestinationConfig destinationConfig;
        private DestinationFactory destination;
        private NamingStrategy naming = NamingStrategy.FIVETRAN;
        private int flushRows = DEFAULT_FLUSH_ROWS;
        private int commitRows = DEFAULT_COMMIT_ROWS;
        private Duration deadline;
        private CheckpointObserver checkpointObserver;

        private Builder(ProjectLayout layout) {
            this.layout = layout;
        }

        /** @param file the configuration file; relative paths are resolved against the project */
        public Builder configurationFile(Path file) {
            this.configurationFile = file == null ? null : layout.dir().resolve(file);
            return this;
        }

        /** @param values a configuration given in code; no configuration file is read */
        public Builder configuration(Map<String, String> values) {
            this.configuration = values == null ? null : new LinkedHashMap<>(values);
            return this;
        }

        /** @param file a state file to start from; relative paths are resolved against the project */
        public Builder stateFile(Path file) {
            this.stateOverride = file == null ? null : layout.dir().resolve(file);
            return this;
        }

        /** @param store where checkpoints save state instead of {@code files/state.json} */
        public Builder stateStore(StateStore store) {
            this.stateStore = store;
            return this;
        }

        /** @param file the DuckDB file to write instead of {@code files/warehouse.db}; relative to the project */
        public Builder warehouseFile(Path file) {
            this.warehouseFile = file == null ? null : layout.dir().resolve(file);
            this.destinationConfig = null;
            return this;
        }

        /**
         * @param config the destination to write instead of the project's DuckDB file (null for that
         *     file); its schema unless {@link #schema(String)} names another
         */
        public Builder destination(DestinationConfig config) {
            this.destinationConfig = config;
            return this;
        }

        /**
         * @param name the schema of the connector's tables, instead of the destination's
         *     ({@value ProjectLayout#SCHEMA} by default)
         */
        public Builder schema(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the schema name must not be empty");
            }
            this.schema = name;
            return this;
        }

        /** @param factory opens a custom destination to write instead of {@link #destination(DestinationConfig)}'s */
        public Builder destination(DestinationFactory factory) {
            this.destination = factory;
            return this;
        }

        /** @param naming the naming rule */
        public Builder naming(NamingStrategy naming) {
            this.naming = Objects.requireNonNull(naming, "naming");
            return this;
        }

        /** @param rows buffered operations that trigger a flush, at least 1 */
        public Builder flushRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("flushRows must be at least 1");
            }
            this.flushRows = rows;
            return this;
        }

        /**
         * @param rows operations written since the last commit (checkpoint or not) after which the
         *     engine commits at its next flush without saving state, at least 1
         */
        public Builder commitRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("commitRows must be at least 1");
            }
            this.commitRows = rows;
            return this;
        }

        /** @param limit how long the sync may run; it is then cancelled. Null for no limit */
        public Builder deadline(Duration limit) {
            if (limit != null && (limit.isNegative() || limit.isZero())) {
                throw new IllegalArgumentException("the deadline must be positive: " + limit);
            }
            this.deadline = limit;
            return this;
        }

        /** @param observer told of each durable checkpoint */
        public Builder checkpointObserver(CheckpointObserver observer) {
            this.checkpointObserver = observer;
            return this;
        }

        /** @return the options */
        public SyncOptions build() {
            return new SyncOptions(this);
        }
    }
}
