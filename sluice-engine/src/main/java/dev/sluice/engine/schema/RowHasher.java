package dev.sluice.engine.schema;

import dev.sluice.engine.values.ColumnType;
import dev.sluice.sdk.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Computes {@code _fivetran_id} for keyless tables: an MD5 hash of the row's non-NULL values with
 * their column names, in column-name order, so identical rows collapse into one and a column
 * added later (NULL in old rows) does not change old ids. Values are hashed in a form that a type
 * widening does not change. Not thread-safe (keeps its digest and column order).
 */
public final class RowHasher {

    private final MessageDigest digest;
    private int[] order = new int[0];

    /** Creates a hasher. */
    public RowHasher() {
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    /**
     * @param columns the table's data columns
     * @param values canonical values by position
     * @param skip the position of {@code _fivetran_id} itself
     * @return the hash as 32 hex digits
     */
    public String hash(List<ColumnModel> columns, Object[] values, int skip) {
        if (order.length != columns.size()) {
            order = columns.stream()
                    .sorted(Comparator.comparing(ColumnModel::name))
                    .mapToInt(ColumnModel::position)
                    .toArray();
        }
        digest.reset();
        for (int position : order) {
            Object value = position < values.length ? values[position] : null;
            if (position == skip || value == null) {
                continue;
            }
            digest.update(columns.get(position).name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text(value, columns.get(position).type()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The text of a canonical value that a widening of its column does not change: numbers in
     * plain notation without trailing zeros (so 1 in an INT column and 1.0 in a DOUBLE column hash
     * alike), dates and date-times as ISO text, a date-time at midnight as its date (so a DATE
     * widened to a TIMESTAMP keeps matching).
     */
    static String text(Object value, ColumnType type) {
        if (value instanceof BigDecimal) {
            return plain((BigDecimal) value);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? plain(new BigDecimal(Double.toString(d))) : Double.toString(d);
        }
        if (value instanceof Long && (type.type() == DataType.NAIVE_DATETIME || type.type() == DataType.UTC_DATETIME)) {
            LocalDateTime dateTime = LocalDateTime.ofEpochSecond(
                    Math.floorDiv((Long) value, 1_000_000L),
                    (int) Math.floorMod((Long) value, 1_000_000L) * 1000,
                    ZoneOffset.UTC);
            return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? dateTime.toLocalDate().toString()
                    : dateTime.toString();
        }
        if (value instanceof byte[]) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }
        return value.toString();
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** @return the column order used, for tests */
    int[] order() {
        return Arrays.copyOf(order, order.length);
    }
}
