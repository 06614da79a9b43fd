package dev.sluice.playground.http;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Absolute URLs back to this server, as the client addressed it. */
final class Urls {

    private Urls() {}

    /** @return the request's query parameters (first values) with {@code changes} applied (null removes) */
    static Map<String, String> query(Context ctx, Map<String, String> changes) {
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        changes.forEach((name, value) -> {
            if (value == null) {
                query.remove(name);
            } else {
                query.put(name, value);
            }
        });
        return query;
    }

    static String absolute(Context ctx, Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
        String host = ctx.host() != null
                ? ctx.host()
                : ctx.req().getLocalAddr() + ":" + ctx.req().getLocalPort();
        String base = ctx.scheme() + "://" + host + ctx.path();
        return query.isEmpty() ? base : base + "?" + joined;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
