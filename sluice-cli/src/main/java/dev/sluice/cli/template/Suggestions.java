package dev.sluice.cli.template;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the known name closest to a mistyped one, when one is close enough. */
final class Suggestions {

    private Suggestions() {}

    /**
     * @param typed what the user typed
     * @param known the valid names
     * @return the known name within a third of its length in edits (at least 2), or one that
     *     starts with or contains {@code typed}; empty when none is close
     */
    static Optional<String> closest(String typed, Collection<String> known) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        Optional<String> near = known.stream()
                .filter(name -> distance(wanted, name.toLowerCase(Locale.ROOT)) <= Math.max(2, name.length() / 3))
                .min(Comparator.comparingInt(name -> distance(wanted, name.toLowerCase(Locale.ROOT))));
        if (near.isPresent() || wanted.length() < 3) {
            return near;
        }
        return known.stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).contains(wanted))
                .min(Comparator.comparingInt(String::length));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
