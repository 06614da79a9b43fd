package dev.sluice.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to run one local sync: where the project lives, where configuration and state come from,
 * the naming rule and the write-path limits. Immutable; build with {@link #forProject(Path)}.
 *
 * <p>Files: {@code <project>/configuration.json}, {@code <project>/files/state.json},
 * {@code <project>/files/warehouse.db} unless overridden.
 */
public final class SyncOptions {

    /** Default number of buffered operations that triggers a flush into the warehouse. */
    public static final int DEFAULT_FLUSH_ROWS = 100_000;
    /**
     * Default number of operations written since the last commit after which the engine commits
     * without saving state, so that a long stretch without a checkpoint keeps DuckDB's memory bounded.
     */
    public static final int DEFAULT_COMMIT_ROWS = 1_000_000;
    /** Environment variable that sets DuckDB's memory limit, e.g. {@code 1GB}. */
    public static final String MEMORY_LIMIT_VARIABLE = "SLUICE_DUCKDB_MEMORY_LIMIT";
    /**
     * Default DuckDB memory limit: {@value #MEMORY_LIMIT_VARIABLE} when set, else 320MB, which keeps a
     * whole 10M-row sync within 1 GiB of RSS with the launcher's 320 MB heap.
     */
    public static final String DEFAULT_MEMORY_LIMIT = memoryLimitFromEnvironment();

    private static String memoryLimitFromEnvironment() {
        String value = System.getenv(MEMORY_LIMIT_VARIABLE);
        return value == null || value.isBlank() ? "320MB" : value.trim();
    }

    private final Path projectDir;
    private final Path configurationFile;
    private final Map<String, String> configuration;
    private final Path stateFile;
    private final NamingStrategy naming;
    private final int flushRows;
    private final int commitRows;
    private final String memoryLimit;
    private final CheckpointObserver checkpointObserver;

    private SyncOptions(Builder b) {
        this.projectDir = b.projectDir;
        this.configurationFile = b.configurationFile;
        this.configuration = b.configuration == null ? null : Map.copyOf(b.configuration);
        this.stateFile = b.stateFile;
        this.naming = b.naming;
        this.flushRows = b.flushRows;
        this.commitRows = b.commitRows;
        this.memoryLimit = b.memoryLimit;
        this.checkpointObserver = b.checkpointObserver;
    }

    /**
     * @param projectDir the connector project's folder
     * @return a builder with the defaults
     */
    public static Builder forProject(Path projectDir) {
        return new Builder(projectDir);
    }

    /** @return the project folder */
    public Path projectDir() {
        return projectDir;
    }

    /** @return {@code <project>/files} */
    public Path filesDir() {
        return projectDir.resolve("files");
    }

    /** @return the warehouse file, {@code <project>/files/warehouse.db} */
    public Path warehouseFile() {
        return filesDir().resolve("warehouse.db");
    }

    /** @return where checkpoints save state, {@code <project>/files/state.json} */
    public Path stateFile() {
        return filesDir().resolve("state.json");
    }

    /** @return a state file to start from instead of {@link #stateFile()}, or null */
    public Path stateOverride() {
        return stateFile;
    }

    /** @return the configuration file to read */
    public Path configurationFile() {
        return configurationFile != null ? configurationFile : projectDir.resolve("configuration.json");
    }

    /** @return a configuration given in code (no file is read), or null */
    public Map<String, String> configuration() {
        return configuration;
    }

    /** @return the naming rule */
    public NamingStrategy naming() {
        return naming;
    }

    /** @return how many buffered operations trigger a flush */
    public int flushRows() {
        return flushRows;
    }

    /** @return how many operations written since the last commit trigger a commit without state */
    public int commitRows() {
        return commitRows;
    }

    /** @return DuckDB's memory limit, e.g. {@code 512MB} */
    public String memoryLimit() {
        return memoryLimit;
    }

    /** @return the checkpoint observer, or null */
    public CheckpointObserver checkpointObserver() {
        return checkpointObserver;
    }

    /** Collects options. Not thread-safe. */
    public static final class Builder {
        private final Path projectDir;
        private Path configurationFile;
        private Map<String, String> configuration;
        private Path stateFile;
        private NamingStrategy naming = NamingStrategy.FIVETRAN;
        private int flushRows = DEFAULT_FLUSH_ROWS;
        private int commitRows = DEFAULT_COMMIT_ROWS;
        private String memoryLimit = DEFAULT_MEMORY_LIMIT;
        private CheckpointObserver checkpointObserver;

        private Builder(Path projectDir) {
            this.projectDir = Objects.requireNonNull(projectDir, "projectDir").toAbsolutePath().normalize();
        }

        /** @param file the configuration file; relative paths are resolved against the project */
        public Builder configurationFile(Path file) {
            this.configurationFile = file == null ? null : projectDir.resolve(file);
            return this;
        }

        /** @param values a configuration given in code; no configuration file is read */
        public Builder configuration(Map<String, String> values) {
            this.configuration = values == null ? null : new LinkedHashMap<>(values);
            return this;
        }

        /** @param file a state file to start from; relative paths are resolved against the project */
        public Builder stateFile(Path file) {
            this.stateFile = file == null ? null : projectDir.resolve(file);
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

        /** @param limit DuckDB's memory limit, e.g. {@code 1GB} */
        public Builder memoryLimit(String limit) {
            this.memoryLimit = Objects.requireNonNull(limit, "limit");
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
