package dev.sluice.server.internal.secret;

import dev.sluice.server.ServerStartException;
import dev.sluice.server.internal.db.ServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the server's master key at start: {@code SLUICE_MASTER_KEY} (base64 of 32 bytes), else the
 * key file {@code master-key} in the data directory, else, on a first start only, a new key written
 * to that file with mode 0600. The metadata database records the key's id, so a wrong or missing key
 * is an error at start, never a silent new key that leaves the stored secrets unreadable.
 */
public final class MasterKeys {

    /** The environment variable that holds the key. */
    public static final String ENV = "SLUICE_MASTER_KEY";
    /** The key file's name in the data directory. */
    public static final String FILE_NAME = "master-key";

    private MasterKeys() {}

    /**
     * @param envValue the value of {@value #ENV}, or null
     * @param dataDir the data directory
     * @param settings the server's settings, where the key's id is kept
     * @return the master key
     * @throws ServerStartException naming the variable or file when the key is malformed, missing or
     *     not the one the stored secrets were sealed with
     */
    public static MasterKey load(String envValue, Path dataDir, ServerSettings settings) {
        Optional<String> recordedId = settings.get(ServerSettings.MASTER_KEY_ID);
        Path file = dataDir.resolve(FILE_NAME);
        MasterKey key;
        String source;
        if (envValue != null) {
            key = MasterKey.parse(envValue)
                    .orElseThrow(() -> new ServerStartException(ENV + " must be the base64 of 32 random bytes,"
                            + " e.g. the output of `openssl rand -base64 32`"));
            source = ENV;
        } else if (Files.exists(file)) {
            key = MasterKey.parse(read(file))
                    .orElseThrow(() -> new ServerStartException("The master key file " + file
                            + " must hold the base64 of 32 bytes: restore the file this server created, or set "
                            + ENV));
            source = "the master key file " + file;
        } else if (recordedId.isPresent()) {
            throw new ServerStartException("The metadata database holds secrets sealed with master key "
                    + recordedId.get() + ", but neither " + ENV + " nor the key file " + file
                    + " is there: restore that file or set " + ENV
                    + " (a new key would leave the stored secrets unreadable)");
        } else {
            key = MasterKey.generate();
            try {
                PrivateFiles.create(file, key.toBase64());
            } catch (IOException e) {
                throw new ServerStartException(
                        "Cannot write the master key file " + file + ": " + e.getMessage()
                                + "; check that the data directory is writable",
                        e);
            }
            source = "the new master key file " + file;
        }
        if (recordedId.isEmpty()) {
            settings.insert(ServerSettings.MASTER_KEY_ID, key.id());
        } else if (!recordedId.get().equals(key.id())) {
            throw new ServerStartException("Wrong master key: " + source + " holds key " + key.id()
                    + ", but the stored secrets were sealed with key " + recordedId.get()
                    + "; use the key this server was first started with");
        }
        return key;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ServerStartException("Cannot read the master key file " + file + ": " + e.getMessage(), e);
        }
    }
}
