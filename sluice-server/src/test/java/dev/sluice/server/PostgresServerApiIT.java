package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testservices.PostgresServer;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API contract with the metadata in a real PostgreSQL (--database), a fresh database per test. */
class PostgresServerApiIT extends ServerApiContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    static PostgresServer postgres;

    String database;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Override
    @BeforeEach
    void start() {
        database = postgres.createDatabase("sluice_meta_" + DATABASES.incrementAndGet());
        super.start();
    }

    @Override
    String databaseUrl() {
        return postgres.jdbcUrl(database);
    }

    @Override
    Map<String, String> environment() {
        return Map.of("SLUICE_DATABASE_USER", PostgresServer.USER, "SLUICE_DATABASE_PASSWORD", PostgresServer.PASSWORD);
    }

    @Override
    Connection metadata() {
        return postgres.connect(database);
    }

    @Test
    void theUserAndPasswordMayBeInTheUrlAndAreNeverShown() {
        server.close();
        String url =
                postgres.jdbcUrl(database) + "?user=" + PostgresServer.USER + "&password=" + PostgresServer.PASSWORD;

        server = SluiceServer.start(
                new ServerOptions(dataDir, "127.0.0.1", 0, url, Map.of("SLUICE_ADMIN_API_KEY", ADMIN_KEY)));

        assertThat(server.describeDatabase())
                .isEqualTo("PostgreSQL 127.0.0.1:" + postgres.port() + "/" + database)
                .doesNotContain(PostgresServer.PASSWORD);
        assertThat(new ApiClient(server.url(), ADMIN_KEY)
                        .get("/api/v1/api-keys")
                        .json()
                        .path("items"))
                .hasSize(1);
    }
}
