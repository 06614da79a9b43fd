package dev.sluice.engine.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic synthetic records for benchmarks: an id, four strings, a double, a boolean, two
 * timestamps, a small nested object and an int. The same id always gives the same record.
 */
public final class SyntheticSource {

    private static final String[] CITIES = {"Lisbon", "Oslo", "Nairobi", "Osaka", "Lima", "Quebec", "Tbilisi", "Perth"};
    private static final String[] STATUSES = {"new", "active", "paused", "churned", "trial", "vip"};
    private static final String[] WORDS = buildWords();
    private static final long BASE_SECONDS =
            Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

    private SyntheticSource() {}

    /**
     * @param id the record's id
     * @return the record as a column-to-value map
     */
    public static Map<String, Object> record(long id) {
        long h = mix(id);
        Map<String, Object> row = new LinkedHashMap<>(16);
        row.put("id", id);
        row.put("name", WORDS[(int) (h & 4095)] + " " + WORDS[(int) ((h >>> 12) & 4095)]);
        row.put("email", "user" + id + "@example.com");
        row.put("city", CITIES[(int) ((h >>> 24) & 7)]);
        row.put("status", STATUSES[(int) ((h >>> 28) % 6 + 6) % 6]);
        row.put("amount", (h >>> 33) % 1_000_000 / 100.0);
        row.put("active", (h & 1) == 0);
        row.put("created_at", Instant.ofEpochSecond(BASE_SECONDS + (h >>> 40)));
        row.put("updated_at", Instant.ofEpochSecond(BASE_SECONDS + (h >>> 38), (h & 999) * 1000));
        row.put(
                "attrs",
                Map.of(
                        "source",
                        "api",
                        "rank",
                        (int) (h >>> 50),
                        "tags",
                        List.of(WORDS[(int) ((h >>> 5) & 4095)], "v1")));
        row.put("score", (int) (h >>> 44));
        return row;
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }

    private static String[] buildWords() {
        String[] words = new String[4096];
        for (int i = 0; i < words.length; i++) {
            long h = mix(i + 7_777_777L);
            StringBuilder word = new StringBuilder();
            int length = 4 + (int) (h & 7);
            for (int c = 0; c < length; c++) {
                word.append((char) ('a' + (int) ((h >>> (5 + c * 5)) & 31) % 26));
            }
            words[i] = word.toString();
        }
        return words;
    }
}
