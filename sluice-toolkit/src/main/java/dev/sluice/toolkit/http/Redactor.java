package dev.sluice.toolkit.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text meant for messages and logs: every known secret value (also in its
 * URL-encoded form), and the values of query parameters and JSON string fields whose names say
 * they are secret ({@code api_key}, {@code access_token}, {@code password}, {@code signature}...).
 * Thread-safe.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final Pattern QUERY_PARAMETER = Pattern.compile("([?&;])([^=&#\\s]+)=([^&#\\s]*)");
    private static final Pattern JSON_STRING_FIELD =
            Pattern.compile("\"([^\"\\\\]{1,64})\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final List<String> SECRET_NAME_PARTS = List.of(
            "key", "token", "secret", "password", "passwd", "pwd", "signature", "sig", "auth", "credential", "session");
    private static final List<String> PAGING_NAME_PARTS = List.of("page", "next", "cursor", "continuation", "scroll");

    private final Supplier<? extends Collection<String>> secrets;
    private final Set<String> secretParameters;

    /**
     * @param secrets the secret values known now; asked each time, so renewed tokens are covered
     * @param secretParameters names of query parameters to mask besides those that look secret
     */
    public Redactor(Supplier<? extends Collection<String>> secrets, Set<String> secretParameters) {
        this.secrets = secrets;
        this.secretParameters = Set.copyOf(secretParameters);
    }

    /** @return a redactor that only masks query parameters whose names look secret */
    public static Redactor parametersOnly() {
        return new Redactor(List::of, Set.of());
    }

    /**
     * @param text any text, or null
     * @return the text with secret values and secret query parameters masked
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = maskJsonFields(maskParameters(text));
        List<String> values = new ArrayList<>(secrets.get());
        values.sort((a, b) -> b.length() - a.length());
        for (String secret : values) {
            if (secret == null || secret.length() < 3) {
                continue;
            }
            result = result.replace(secret, MASK);
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            if (!encoded.equals(secret)) {
                result = result.replace(encoded, MASK).replace(encoded.replace("+", "%20"), MASK);
            }
        }
        return result;
    }

    /**
     * @param body a response body, or null
     * @param maxLength the most characters to keep
     * @return the body on one line, cut to {@code maxLength}, secrets masked
     */
    public String excerpt(String body, int maxLength) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String line = redact(body.strip().replaceAll("\\s+", " "));
        return line.length() <= maxLength ? line : line.substring(0, maxLength) + "...";
    }

    private String maskParameters(String text) {
        Matcher matcher = QUERY_PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            String replacement = isSecretParameter(name) ? matcher.group(1) + name + "=" + MASK : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String maskJsonFields(String text) {
        Matcher matcher = JSON_STRING_FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = isSecretParameter(name)
                    ? "\"" + name + "\"" + matcher.group(2) + "\"" + MASK + "\""
                    : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private boolean isSecretParameter(String name) {
        if (secretParameters.contains(name)) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (PAGING_NAME_PARTS.stream().anyMatch(lower::contains)) {
            return false;
        }
        for (String part : SECRET_NAME_PARTS) {
            if (lower.equals(part)
                    || lower.endsWith("_" + part)
                    || lower.endsWith("-" + part)
                    || lower.startsWith(part + "_")
                    || lower.endsWith(part) && part.length() > 4) {
                return true;
            }
        }
        return lower.equals("apikey") || lower.equals("access_token") || lower.equals("client_secret");
    }
}
