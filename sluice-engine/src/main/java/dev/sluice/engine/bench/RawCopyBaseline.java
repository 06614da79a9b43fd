package dev.sluice.engine.bench;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.destination.postgres.PostgresConnections;
import dev.sluice.engine.values.JsonText;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The naive limit a sync into PostgreSQL is measured against: one {@code COPY} writing the same
 * synthetic rows straight into a plain table (no staging, merge or key), in one transaction. The
 * table lives in schema {@value #SCHEMA}, dropped afterwards.
 */
public final class RawCopyBaseline {

    /** The scratch schema of the raw table. */
    public static final String SCHEMA = "sluice_bench_raw";

    private static final int CHUNK_BYTES = 1 << 20;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

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
            String synced = TIMESTAMP.format(Instant.now());
            CopyIn copy =
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + SCHEMA + ".records FROM STDIN");
            StringBuilder chunk = new StringBuilder(CHUNK_BYTES + 1024);
            for (long id = 0; id < rows; id++) {
                line(chunk, SyntheticSource.record(id), synced);
                if (chunk.length() >= CHUNK_BYTES) {
                    send(copy, chunk);
                }
            }
            send(copy, chunk);
            copy.endCopy();
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private static void line(StringBuilder out, Map<String, Object> row, String synced) {
        out.append(row.get("id"))
                .append('\t')
                .append(row.get("name"))
                .append('\t')
                .append(row.get("email"))
                .append('\t')
                .append(row.get("city"))
                .append('\t')
                .append(row.get("status"))
                .append('\t')
                .append(row.get("amount"))
                .append('\t')
                .append((Boolean) row.get("active") ? 't' : 'f')
                .append('\t')
                .append(TIMESTAMP.format((Instant) row.get("created_at")))
                .append('\t')
                .append(TIMESTAMP.format((Instant) row.get("updated_at")))
                .append('\t')
                .append(JsonText.write(row.get("attrs")))
                .append('\t')
                .append(row.get("score"))
                .append('\t')
                .append(synced)
                .append('\t')
                .append('f')
                .append('\n');
    }

    private static void send(CopyIn copy, StringBuilder chunk) throws java.sql.SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
