package dev.sluice.engine.bench;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.destination.postgres.CopyRows;
import dev.sluice.engine.destination.postgres.PostgresConnections;
import dev.sluice.engine.values.JsonText;
import dev.sluice.sdk.DataType;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The naive limit a sync into PostgreSQL is measured against: one {@code COPY} writing the same
 * synthetic rows straight into a plain table (no staging, merge or key), in one transaction. Rows are
 * made and encoded (as the destination encodes them) on a thread of their own while the calling
 * thread streams them to the server, as a sync's connector and writer threads do. The table lives in
 * schema {@value #SCHEMA}, dropped afterwards.
 */
public final class RawCopyBaseline {

    /** The scratch schema of the raw table. */
    public static final String SCHEMA = "sluice_bench_raw";

    private static final int CHUNK_BYTES = 1 << 20;
    private static final DataType[] TYPES = {
        DataType.LONG,
        DataType.STRING,
        DataType.STRING,
        DataType.STRING,
        DataType.STRING,
        DataType.DOUBLE,
        DataType.BOOLEAN,
        DataType.UTC_DATETIME,
        DataType.UTC_DATETIME,
        DataType.JSON,
        DataType.INT
    };
    private static final String[] COLUMNS = {
        "id", "name", "email", "city", "status", "amount", "active", "created_at", "updated_at", "attrs", "score"
    };

    private RawCopyBaseline() {}

    /**
     * @param destination the database
     * @param rows how many rows to write
     * @throws Exception when PostgreSQL fails
     */
    public static void run(DestinationConfig.Postgres destination, long rows) throws Exception {
        try (Connection connection = PostgresConnections.open(destination);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
            statement.execute("CREATE TABLE " + SCHEMA + ".records (id bigint, name text, email text, city text,"
                    + " status text, amount double precision, active boolean, created_at timestamptz,"
                    + " updated_at timestamptz, attrs jsonb, score integer, _fivetran_synced timestamptz,"
                    + " _fivetran_deleted boolean)");
            connection.setAutoCommit(false);
            BlockingQueue<CopyRows> chunks = new ArrayBlockingQueue<>(4);
            Thread producer = new Thread(() -> produce(rows, chunks), "raw-copy-rows");
            producer.setDaemon(true);
            producer.start();
            CopyIn copy =
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + SCHEMA + ".records FROM STDIN");
            for (CopyRows chunk = next(chunks, producer); chunk.rows() > 0; chunk = next(chunks, producer)) {
                chunk.writeTo(copy);
            }
            copy.endCopy();
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private static CopyRows next(BlockingQueue<CopyRows> chunks, Thread producer) throws InterruptedException {
        while (true) {
            CopyRows chunk = chunks.poll(1, TimeUnit.SECONDS);
            if (chunk != null) {
                return chunk;
            }
            if (!producer.isAlive()) {
                throw new IllegalStateException("the raw baseline's row thread died");
            }
        }
    }

    private static void produce(long rows, BlockingQueue<CopyRows> chunks) {
        long synced = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        CopyRows chunk = new CopyRows();
        try {
            for (long id = 0; id < rows; id++) {
                add(chunk, SyntheticSource.record(id), synced);
                if (chunk.size() >= CHUNK_BYTES) {
                    chunks.put(chunk);
                    chunk = new CopyRows();
                }
            }
            if (chunk.rows() > 0) {
                chunks.put(chunk);
            }
            chunks.put(new CopyRows());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void add(CopyRows chunk, Map<String, Object> row, long synced) {
        for (int i = 0; i < COLUMNS.length; i++) {
            Object value = row.get(COLUMNS[i]);
            if (value instanceof Instant instant) {
                value = ChronoUnit.MICROS.between(Instant.EPOCH, instant);
            } else if (TYPES[i] == DataType.JSON) {
                value = JsonText.write(value);
            }
            chunk.add(TYPES[i], value);
        }
        chunk.addUtcTimestamp(synced);
        chunk.addPlain("f");
        chunk.endRow();
    }
}
