package dev.sluice.server.internal.http;

import io.javalin.http.Handler;

/**
 * One route of the server.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param path the path, with {@code {name}} parameters, e.g. {@code /api/v1/destinations/{name}}
 * @param authenticated whether it needs an API key (every {@code /api/v1} route does)
 * @param handler what it does
 */
record ApiRoute(String method, String path, boolean authenticated, Handler handler) {

    static ApiRoute api(String method, String path, Handler handler) {
        return new ApiRoute(method, path, true, handler);
    }

    static ApiRoute open(String method, String path, Handler handler) {
        return new ApiRoute(method, path, false, handler);
    }
}
