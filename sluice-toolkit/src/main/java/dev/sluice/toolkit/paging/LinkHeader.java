package dev.sluice.toolkit.paging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parser of the HTTP {@code Link} header (RFC 8288, section 3): several comma-separated links,
 * each {@code <target>} followed by {@code ;}-separated parameters whose values are tokens or
 * quoted strings (which may hold commas, semicolons and escaped quotes). Lenient: a malformed link
 * is skipped, not fatal. Thread-safe.
 */
public final class LinkHeader {

    private LinkHeader() {}

    /**
     * A link: its target as written (maybe relative) and its parameters.
     *
     * @param target the URI reference between the angle brackets
     * @param parameters parameter names (lower case) to values; the first occurrence of a name wins
     */
    public record Link(String target, Map<String, String> parameters) {

        /** @return the {@code rel} relation types, lower case (a link may have several: {@code rel="next last"}) */
        public Set<String> relations() {
            String rel = parameters.get("rel");
            if (rel == null || rel.isBlank()) {
                return Set.of();
            }
            return Arrays.stream(rel.trim().split("\\s+"))
                    .map(type -> type.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    /**
     * @param header one {@code Link} header value
     * @return its links, in order
     */
    public static List<Link> parse(String header) {
        List<Link> links = new ArrayList<>();
        if (header == null) {
            return links;
        }
        int length = header.length();
        int i = 0;
        while (i < length) {
            int open = header.indexOf('<', i);
            if (open < 0) {
                break;
            }
            int close = header.indexOf('>', open);
            if (close < 0) {
                break;
            }
            String target = header.substring(open + 1, close).trim();
            Map<String, String> parameters = new LinkedHashMap<>();
            i = close + 1;
            while (true) {
                i = skipWhitespace(header, i);
                if (i >= length || header.charAt(i) == ',') {
                    i++;
                    break;
                }
                if (header.charAt(i) != ';') {
                    i = skipToNextLink(header, i);
                    break;
                }
                i = skipWhitespace(header, i + 1);
                int nameStart = i;
                while (i < length && "=;, \t".indexOf(header.charAt(i)) < 0) {
                    i++;
                }
                String name = header.substring(nameStart, i).toLowerCase(Locale.ROOT);
                i = skipWhitespace(header, i);
                String value = "";
                if (i < length && header.charAt(i) == '=') {
                    i = skipWhitespace(header, i + 1);
                    if (i < length && header.charAt(i) == '"') {
                        StringBuilder quoted = new StringBuilder();
                        i++;
                        while (i < length && header.charAt(i) != '"') {
                            if (header.charAt(i) == '\\' && i + 1 < length) {
                                i++;
                            }
                            quoted.append(header.charAt(i));
                            i++;
                        }
                        i++;
                        value = quoted.toString();
                    } else {
                        int valueStart = i;
                        while (i < length && ";, \t".indexOf(header.charAt(i)) < 0) {
                            i++;
                        }
                        value = header.substring(valueStart, i);
                    }
                }
                if (!name.isEmpty()) {
                    parameters.putIfAbsent(name, value);
                }
            }
            links.add(new Link(target, Collections.unmodifiableMap(parameters)));
        }
        return links;
    }

    private static int skipWhitespace(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipToNextLink(String text, int i) {
        int comma = text.indexOf(',', i);
        return comma < 0 ? text.length() : comma + 1;
    }
}
