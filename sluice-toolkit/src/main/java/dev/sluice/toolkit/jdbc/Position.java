package dev.sluice.toolkit.jdbc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where an incremental read stands: the cursor value and key values of the last row read, as
 * the Java values the row had ({@code LocalDateTime}, {@code Instant}, {@code Long},
 * {@code BigDecimal}, {@code String}...). The next read returns the rows after it in
 * (cursor, key...) order. Immutable.
 *
 * @param cursor the cursor column's value of the last row read, not null
 * @param key the key columns' values of that row, by column name, in key order
 */
public record Position(Object cursor, Map<String, Object> key) {

    /**
     * @param cursor the cursor value, not null
     * @param key the key values by column name, not null
     */
    public Position {
        Objects.requireNonNull(cursor, "cursor");
        key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
    }
}
