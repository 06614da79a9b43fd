package dev.sluice.server.internal.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes files only their owner may read (mode 0600), such as key files. */
public final class PrivateFiles {

    private PrivateFiles() {}

    /**
     * Creates a new file, readable and writable by its owner only, holding the text and a newline.
     * On a file system without POSIX permissions the file gets the platform's defaults.
     *
     * @param file the file, which must not exist
     * @param text its content
     * @throws IOException when it exists or cannot be written
     */
    public static void create(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
