package dev.sluice.server.internal.apikey;

import dev.sluice.server.ServerStartException;
import dev.sluice.server.internal.db.ServerSettings;
import dev.sluice.server.internal.secret.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Creates the admin API key on a server's first start: {@code SLUICE_ADMIN_API_KEY} when set, else a
 * generated key, which is written to {@code admin-api-key} (mode 0600) in the data directory and
 * handed back to be printed once. Later starts create nothing.
 */
public final class AdminKeyBootstrap {

    /** The environment variable that chooses the admin key. */
    public static final String ENV = "SLUICE_ADMIN_API_KEY";
    /** The file a generated admin key is written to, in the data directory. */
    public static final String FILE_NAME = "admin-api-key";

    private AdminKeyBootstrap() {}

    /**
     * @param keys the key store
     * @param settings the server's settings, which record that the admin key was created
     * @param envValue the value of {@value #ENV}, or null
     * @param dataDir the data directory
     * @return the generated key, to print once; empty when the key came from {@value #ENV} or an admin
     *     key existed already
     * @throws ServerStartException when {@value #ENV} is too weak or the key file cannot be written
     */
    public static Optional<String> run(ApiKeyStore keys, ServerSettings settings, String envValue, Path dataDir) {
        if (settings.get(ServerSettings.ADMIN_KEY_ID).isPresent()) {
            return Optional.empty();
        }
        if (envValue != null) {
            String problem = ApiKeyFormat.problem(envValue);
            if (problem != null) {
                throw new ServerStartException(ENV + " " + problem + "; or leave it unset to have a key generated");
            }
            keys.createAdminOnce(envValue);
            return Optional.empty();
        }
        String generated = ApiKeyFormat.generate();
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.deleteIfExists(file);
            PrivateFiles.create(file, generated);
        } catch (IOException e) {
            throw new ServerStartException(
                    "Cannot write the admin API key file " + file + ": " + e.getMessage()
                            + "; check that the data directory is writable",
                    e);
        }
        return keys.createAdminOnce(generated).map(created -> generated);
    }
}
