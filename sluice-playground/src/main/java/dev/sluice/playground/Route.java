package dev.sluice.playground;

/**
 * One route of the playground, as listed on start and by {@code GET /}.
 *
 * @param method HTTP method
 * @param path path, with {@code {name}} for path parameters
 * @param description what it serves and its parameters
 */
public record Route(String method, String path, String description) {}
