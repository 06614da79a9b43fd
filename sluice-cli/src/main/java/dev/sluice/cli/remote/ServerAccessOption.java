package dev.sluice.cli.remote;

import dev.sluice.cli.CliException;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Option;

/** Which server a command talks to and with which key (a picocli mixin): {@code --server}, {@code --api-key}. */
public final class ServerAccessOption {

    @Option(
            names = "--server",
            paramLabel = "URL",
            defaultValue = "${env:SLUICE_SERVER}",
            description = "The Sluice server's URL, e.g. http://127.0.0.1:8080 (env SLUICE_SERVER).")
    String server;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            defaultValue = "${env:SLUICE_API_KEY}",
            description = "An API key of the server (env SLUICE_API_KEY, which other users cannot see in the"
                    + " process list, unlike this option).")
    String apiKey;

    /**
     * @return a client of the server
     * @throws CliException when the URL or the key is missing, or the URL is not an http(s) URL
     */
    public ServerClient client() {
        if (server == null || server.isBlank()) {
            throw new CliException(
                    "No server given: pass --server URL (e.g. http://127.0.0.1:8080) or set SLUICE_SERVER");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new CliException("No API key given: pass --api-key KEY or set SLUICE_API_KEY (the admin key of a"
                    + " new server is in its data directory's admin-api-key file)");
        }
        return new ServerClient(base(server.strip()), apiKey.strip());
    }

    private static URI base(String url) {
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(url, "not an http or https URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliException(
                    "--server must be an http:// or https:// URL such as http://127.0.0.1:8080, not " + url, e);
        }
    }
}
