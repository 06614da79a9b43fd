package dev.sluice.engine.destination.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The rule for names longer than PostgreSQL's identifiers, which hold at most {@value #MAX_BYTES}
 * bytes of UTF-8 (PostgreSQL would silently cut a longer name, so that two long names sharing their
 * first 63 bytes would become one). A name that fits is used as it is. A longer name keeps its
 * longest prefix of at most {@value #PREFIX_BYTES} bytes that ends on a whole character, then
 * {@code _} and the first {@value #HASH_HEX_DIGITS} hexadecimal digits of the SHA-256 of the whole
 * name: {@code a_very_long_column_name_..._3f9a61c2}. The whole name is kept in the table's or
 * column's comment, so that the next sync maps it back. Thread-safe.
 */
final class PostgresNames {

    /** The bytes of UTF-8 a PostgreSQL identifier holds (NAMEDATALEN - 1). */
    static final int MAX_BYTES = 63;

    static final int HASH_HEX_DIGITS = 8;
    static final int PREFIX_BYTES = MAX_BYTES - 1 - HASH_HEX_DIGITS;

    private PostgresNames() {}

    /**
     * @param name a table or column name as the engine knows it
     * @return the identifier PostgreSQL stores it under
     */
    static String physical(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_BYTES) {
            return name;
        }
        return prefix(name) + "_" + HexFormat.of().formatHex(sha256(utf8), 0, HASH_HEX_DIGITS / 2);
    }

    /** @return whether {@link #physical(String)} changes the name */
    static boolean shortened(String name) {
        return !physical(name).equals(name);
    }

    private static String prefix(String name) {
        int bytes = 0;
        int end = 0;
        while (end < name.length()) {
            int codePoint = name.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > PREFIX_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return name.substring(0, end);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
