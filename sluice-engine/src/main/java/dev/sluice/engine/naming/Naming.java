package dev.sluice.engine.naming;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns source table and column names into destination names.
 *
 * <p>Fivetran naming: accents are dropped, camelCase boundaries become {@code _}
 * ({@code userId} to {@code user_id}, {@code HTTPStatus} to {@code http_status}), letters are
 * lower-cased, every character that is not a letter, digit or {@code _} becomes {@code _}, and a
 * name starting with a digit gets a leading {@code _}. Letters of other scripts are kept (names
 * are always quoted). Source naming keeps names as given. Thread-safe.
 */
public final class Naming {

    private final NamingStrategy strategy;

    /** @param strategy the rule to apply */
    public Naming(NamingStrategy strategy) {
        this.strategy = strategy;
    }

    /**
     * @param source a non-blank source name
     * @return the destination name
     */
    public String apply(String source) {
        return strategy == NamingStrategy.SOURCE ? source : fivetran(source);
    }

    static String fivetran(String source) {
        String plain = Normalizer.normalize(source, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(plain.length() + 4);
        int length = plain.length();
        for (int i = 0; i < length; i++) {
            char c = plain.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && needsBoundary(plain, i)) {
                out.append('_');
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            } else {
                out.append('_');
            }
        }
        if (out.length() == 0) {
            return "_";
        }
        if (Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean needsBoundary(String s, int i) {
        char previous = s.charAt(i - 1);
        if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
            return true;
        }
        return Character.isUpperCase(previous) && i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
    }
}
