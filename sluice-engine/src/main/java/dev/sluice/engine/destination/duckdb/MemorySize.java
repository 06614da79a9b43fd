package dev.sluice.engine.destination.duckdb;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a memory size as DuckDB prints it ({@code 305.1 MiB}, {@code 1.0 GiB}, {@code 512 bytes}). */
final class MemorySize {

    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]*)\\s*");

    private MemorySize() {}

    /**
     * @param text a size with a unit: bytes, KB/KiB, MB/MiB, GB/GiB, TB/TiB (decimal units are
     *     powers of 1000, binary ones of 1024)
     * @return the bytes
     * @throws IllegalArgumentException naming the text when it is not such a size
     */
    static long parse(String text) {
        Matcher matcher = SIZE.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a memory size: '" + text + "'");
        }
        double number = Double.parseDouble(matcher.group(1));
        long unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b", "byte", "bytes" -> 1L;
            case "kb" -> 1_000L;
            case "kib" -> 1L << 10;
            case "mb" -> 1_000_000L;
            case "mib" -> 1L << 20;
            case "gb" -> 1_000_000_000L;
            case "gib" -> 1L << 30;
            case "tb" -> 1_000_000_000_000L;
            case "tib" -> 1L << 40;
            default -> throw new IllegalArgumentException("Not a memory size: '" + text + "' (unknown unit)");
        };
        return Math.round(number * unit);
    }
}
