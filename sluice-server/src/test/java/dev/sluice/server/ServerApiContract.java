package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API and migration tests, run against a real server on a loopback port with its metadata in H2
 * ({@link H2ServerApiIT}) and in a real PostgreSQL ({@link PostgresServerApiIT}).
 */
abstract class ServerApiContract {

    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    static final String SECRET = "pw-Very-Secret-4711";

    @TempDir
    Path dataDir;

    SluiceServer server;
    ApiClient admin;

    /** @return the --database URL, or null for the embedded H2 */
    abstract String databaseUrl();

    /** @return environment variables besides the admin key */
    abstract Map<String, String> environment();

    /** @return a connection to the metadata database while the server runs */
    abstract Connection metadata() throws SQLException;

    @BeforeEach
    void start() {
        server = startServer();
        admin = new ApiClient(server.url(), ADMIN_KEY);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    SluiceServer startServer() {
        Map<String, String> env = new HashMap<>(environment());
        env.put("SLUICE_ADMIN_API_KEY", ADMIN_KEY);
        return SluiceServer.start(new ServerOptions(dataDir, "127.0.0.1", 0, databaseUrl(), env));
    }

    @Test
    void migrationsAreAppliedAndHealthSaysTheDatabaseIsUp() throws SQLException {
        ApiClient.Answer health = admin.withKey(null).get("/healthz");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("ok");
        assertThat(health.json().path("database").path("status").asText()).isEqualTo("up");
        assertThat(queryStrings("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"))
                .contains("1");
        assertThat(queryStrings("SELECT name FROM destinations")).containsExactly("warehouse");
    }

    @Test
    void everyApiRouteRefusesAMissingWrongOrRevokedKeyWith401() {
        JsonNode created =
                admin.post("/api/v1/api-keys", "{\"name\": \"soon revoked\"}").json();
        String revokedKey = created.path("key").asText();
        assertThat(admin.delete("/api/v1/api-keys/" + created.path("id").asText())
                        .status())
                .isEqualTo(200);

        List<String> checked = new ArrayList<>();
        for (String[] route : documentedApiRoutes()) {
            String path = route[1].replaceAll("\\{[a-z]+}", "warehouse");
            for (ApiClient client : List.of(
                    admin.withKey(null), admin.withKey("sk_wrong-key-000000000000000"), admin.withKey(revokedKey))) {
                ApiClient.Answer answer = client.send(route[0], path, route[0].equals("POST") ? "{}" : null);
                assertThat(answer.status()).as(route[0] + " " + path).isEqualTo(401);
                assertThat(answer.json().path("error").asText()).isNotBlank();
            }
            checked.add(route[0] + " " + route[1]);
        }
        assertThat(checked)
                .contains(
                        "GET /api/v1/api-keys",
                        "POST /api/v1/api-keys",
                        "DELETE /api/v1/api-keys/{id}",
                        "GET /api/v1/destinations",
                        "POST /api/v1/destinations",
                        "GET /api/v1/destinations/{name}",
                        "DELETE /api/v1/destinations/{name}",
                        "GET /api/v1/openapi.json");
        // nothing was deleted by the refused requests
        assertThat(admin.get("/api/v1/destinations/warehouse").status()).isEqualTo(200);
    }

    @Test
    void apiKeysAreShownOnceStoredHashedAndStopWorkingWhenRevoked() throws SQLException {
        ApiClient.Answer created = admin.post("/api/v1/api-keys", "{\"name\": \"ci\"}");

        assertThat(created.status()).isEqualTo(201);
        String key = created.json().path("key").asText();
        String id = created.json().path("id").asText();
        assertThat(key).startsWith("sk_").hasSizeGreaterThan(40);
        ApiClient ci = admin.withKey(key);
        assertThat(ci.get("/api/v1/destinations").status()).isEqualTo(200);

        JsonNode list = admin.get("/api/v1/api-keys").json().path("items");
        assertThat(list).hasSize(2);
        assertThat(list.toString())
                .doesNotContain(key)
                .doesNotContain(ADMIN_KEY)
                .contains("\"ci\"");
        assertThat(list.findValuesAsText("prefix")).containsExactly(ADMIN_KEY.substring(0, 3), key.substring(0, 8));
        assertThat(queryStrings("SELECT key_hash FROM api_keys"))
                .hasSize(2)
                .allSatisfy(hash -> assertThat(hash).hasSize(64).isNotEqualTo(key));
        assertThat(queryStrings("SELECT id || name || prefix || key_hash FROM api_keys"))
                .noneMatch(row -> row.contains(key) || row.contains(ADMIN_KEY));

        ApiClient.Answer revoked = admin.delete("/api/v1/api-keys/" + id);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("revoked").asBoolean()).isTrue();
        assertThat(ci.get("/api/v1/destinations").status()).isEqualTo(401);
        assertThat(admin.delete("/api/v1/api-keys/no-such-id").status()).isEqualTo(404);
    }

    @Test
    void theLastWorkingKeyCannotBeRevoked() {
        String adminId = admin.get("/api/v1/api-keys")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asText();

        ApiClient.Answer answer = admin.delete("/api/v1/api-keys/" + adminId);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("error").asText()).contains("last API key");
        assertThat(admin.get("/api/v1/api-keys").status()).isEqualTo(200);
    }

    @Test
    void malformedInputGets400NamingTheField() {
        assertBadRequest(admin.post("/api/v1/api-keys", "not json {"), null, "not valid JSON");
        assertBadRequest(admin.post("/api/v1/api-keys", "[1]"), null, "JSON object");
        assertBadRequest(admin.post("/api/v1/api-keys", ""), null, "no body");
        assertBadRequest(admin.post("/api/v1/api-keys", "{\"name\": 5}"), "name", "\"name\" must be a string");
        assertBadRequest(admin.post("/api/v1/api-keys", "{\"nme\": \"x\"}"), "nme", "unknown field \"nme\"");
        assertBadRequest(admin.post("/api/v1/api-keys", "{}"), "name", "\"name\" is missing");
        assertBadRequest(
                admin.post("/api/v1/destinations", "{\"name\": \"Bad-Name\", \"type\": \"duckdb\"}"),
                "name",
                "\"name\"");
        assertBadRequest(admin.post("/api/v1/destinations", "{\"type\": \"duckdb\"}"), "name", "\"name\" is missing");
        assertBadRequest(
                admin.post("/api/v1/destinations", "{\"name\": \"a\", \"type\": \"oracle\"}"),
                null,
                "unknown type \"oracle\"");
        assertBadRequest(
                admin.post(
                        "/api/v1/destinations",
                        "{\"name\": \"a\", \"type\": \"postgres\", \"database\": \"d\", \"user\": \"u\"}"),
                null,
                "Destination \"a\" has no \"host\"");
        assertBadRequest(
                admin.post(
                        "/api/v1/destinations",
                        "{\"name\": \"a\", \"type\": \"postgres\", \"host\": \"h\", \"database\": \"d\", \"user\": \"u\","
                                + " \"port\": \"x\", \"password\": \"" + SECRET + "\"}"),
                null,
                "\"port\"");
        assertBadRequest(
                admin.post(
                        "/api/v1/destinations",
                        "{\"name\": \"a\", \"type\": \"postgres\", \"host\": \"h\", \"database\": \"d\", \"user\": \"u\","
                                + " \"password\": 12345678}"),
                null,
                "\"password\" must be a string");
        ApiClient.Answer broken =
                admin.post("/api/v1/destinations", "{\"name\": \"a\", \"password\": \"" + SECRET + "\",");
        assertBadRequest(broken, null, "not valid JSON");
        assertThat(broken.body()).doesNotContain(SECRET);
        assertThat(admin.get("/api/v1/destinations").json().path("items")).hasSize(1);
    }

    @Test
    void theServerStartsWithTheWarehouseDestination() {
        JsonNode warehouse = admin.get("/api/v1/destinations/warehouse").json();

        assertThat(warehouse.path("type").asText()).isEqualTo("duckdb");
        assertThat(warehouse.path("path").asText())
                .isEqualTo(dataDir.toAbsolutePath()
                        .normalize()
                        .resolve("warehouse.db")
                        .toString());
        ApiClient.Answer refused = admin.delete("/api/v1/destinations/warehouse");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asText()).contains("built-in");
    }

    @Test
    void destinationsAreAddedListedAndDeletedWithThePasswordEncryptedAndMasked() throws Exception {
        String body = "{\"name\": \"analytics\", \"type\": \"postgres\", \"host\": \"db.internal\", \"port\": 6543,"
                + " \"database\": \"dw\", \"user\": \"loader\", \"password\": \"" + SECRET + "\", \"schema\": \"raw\"}";

        ApiClient.Answer created = admin.post("/api/v1/destinations", body);

        assertThat(created.status()).isEqualTo(201);
        JsonNode view = created.json();
        assertThat(view.path("name").asText()).isEqualTo("analytics");
        assertThat(view.path("type").asText()).isEqualTo("postgres");
        assertThat(view.path("host").asText()).isEqualTo("db.internal");
        assertThat(view.path("port").asInt()).isEqualTo(6543);
        assertThat(view.path("schema").asText()).isEqualTo("raw");
        assertThat(view.path("password").asText()).isEqualTo("********");
        assertThat(admin.get("/api/v1/destinations/analytics").body())
                .doesNotContain(SECRET)
                .contains("********");
        assertThat(admin.get("/api/v1/destinations").body())
                .doesNotContain(SECRET)
                .contains("analytics");
        assertThat(admin.post("/api/v1/destinations", body).status()).isEqualTo(409);

        List<String> stored = queryStrings(
                "SELECT name || ' ' || settings || ' ' || COALESCE(password_secret, '-') FROM destinations");
        assertThat(stored).hasSize(2).noneMatch(row -> row.contains(SECRET));
        assertThat(queryStrings("SELECT password_secret FROM destinations WHERE name = 'analytics'"))
                .singleElement()
                .satisfies(value -> assertThat(value).startsWith("v1."));

        server.close();
        server = startServer();
        admin = new ApiClient(server.url(), ADMIN_KEY);
        assertThat(admin.get("/api/v1/destinations/analytics")
                        .json()
                        .path("password")
                        .asText())
                .isEqualTo("********");

        assertThat(admin.delete("/api/v1/destinations/analytics").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/destinations/analytics").status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/destinations/analytics").status()).isEqualTo(404);
    }

    @Test
    void aDuckDbDestinationsRelativePathIsInTheDataDirectory() {
        ApiClient.Answer created = admin.post(
                "/api/v1/destinations", "{\"name\": \"local\", \"type\": \"duckdb\", \"path\": \"lake/local.db\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("path").asText())
                .isEqualTo(dataDir.toAbsolutePath()
                        .normalize()
                        .resolve("lake/local.db")
                        .toString());
        assertThat(created.json().has("password")).isFalse();
    }

    @Test
    void unknownRoutesAnswerJson404() {
        ApiClient.Answer answer = admin.get("/api/v1/nothing-here");

        assertThat(answer.status()).isIn(401, 404);
        assertThat(answer.json().path("error").asText()).isNotBlank();
    }

    void assertBadRequest(ApiClient.Answer answer, String field, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode json = answer.json();
        assertThat(json.path("error").asText()).contains(message).doesNotContain(SECRET);
        if (field != null) {
            assertThat(json.path("field").asText()).isEqualTo(field);
        }
    }

    List<String> queryStrings(String sql) throws SQLException {
        try (Connection connection = metadata();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    static List<String[]> documentedApiRoutes() {
        try (InputStream in = ServerApiContract.class.getResourceAsStream("/dev/sluice/server/openapi.json")) {
            JsonNode paths = ApiClient.MAPPER.readTree(in).path("paths");
            List<String[]> routes = new ArrayList<>();
            for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
                String path = names.next();
                if (!path.startsWith("/api/v1")) {
                    continue;
                }
                for (Iterator<String> methods = paths.get(path).fieldNames(); methods.hasNext(); ) {
                    routes.add(new String[] {methods.next().toUpperCase(Locale.ROOT), path});
                }
            }
            return routes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
