package dev.sluice.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.server.internal.apikey.ApiKeyStore;
import dev.sluice.server.internal.db.DatabaseTarget;
import dev.sluice.server.internal.db.MetadataDatabase;
import dev.sluice.server.internal.destination.DestinationStore;
import dev.sluice.server.internal.secret.MasterKey;
import dev.sluice.server.internal.secret.SecretBox;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written OpenAPI document lists exactly the routes the server registers. */
class OpenApiDocumentIT {

    @TempDir
    Path dataDir;

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        Set<String> registered = new TreeSet<>();
        try (MetadataDatabase database = MetadataDatabase.open(DatabaseTarget.embedded(dataDir))) {
            ApiServer api = new ApiServer(
                    database,
                    new ApiKeyStore(database.dataSource()),
                    new DestinationStore(database.dataSource(), new SecretBox(MasterKey.generate())),
                    dataDir,
                    "127.0.0.1",
                    0);
            for (ApiRoute route : api.routes()) {
                registered.add(route.method() + " " + route.path());
                assertThat(route.authenticated())
                        .as(route.path())
                        .isEqualTo(route.path().startsWith("/api/v1/"));
            }
        }

        Set<String> documented = new TreeSet<>();
        JsonNode document;
        try (InputStream in = OpenApiDocumentIT.class.getResourceAsStream(OpenApiRoutes.RESOURCE)) {
            document = new ObjectMapper().readTree(in);
        }
        JsonNode paths = document.path("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            for (Iterator<String> methods = paths.get(path).fieldNames(); methods.hasNext(); ) {
                documented.add(methods.next().toUpperCase(Locale.ROOT) + " " + path);
            }
        }

        assertThat(registered).hasSizeGreaterThanOrEqualTo(9);
        assertThat(documented).isEqualTo(registered);
        assertThat(document.path("openapi").asText()).startsWith("3.");
    }
}
