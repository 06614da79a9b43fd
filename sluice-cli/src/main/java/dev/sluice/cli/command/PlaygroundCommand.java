package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.cli.output.TextTable;
import dev.sluice.playground.Credentials;
import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.Route;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice playground}: runs the API playground, a local mock REST API with deterministic
 * data, until Ctrl-C. Prints its base URL, credentials and routes, then one line per request.
 */
@Command(
        name = "playground",
        mixinStandardHelpOptions = true,
        description = {
            "Run a local mock REST API (pagination, auth, OAuth2, cursors, incremental feeds, deletes,"
                    + " CSV, rate limits, flaky 5xx) over deterministic data, for examples and tests.",
            "Stops with Ctrl-C."
        })
public final class PlaygroundCommand implements Callable<Integer> {

    private static final int CELL_WIDTH = 90;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "5001",
            description = "Port to listen on (default: 5001; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface).")
    String host;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "42",
            description = "Seed of the data: the same seed gives the same data and changes (default: 42).")
    long seed;

    @Option(
            names = "--users",
            paramLabel = "N",
            defaultValue = "200",
            description = "Users at the start (default: 200).")
    int users;

    @Option(
            names = "--rate-limit",
            paramLabel = "R",
            description =
                    "Allow R requests per second (token bucket); beyond it answer 429 with Retry-After (default: no limit).")
    Double rateLimit;

    @Option(
            names = "--capacity",
            paramLabel = "N",
            defaultValue = "20",
            description = "Size of the --rate-limit token bucket: the longest burst (default: 20).")
    int capacity;

    @Option(
            names = "--failure-rate",
            paramLabel = "P",
            defaultValue = "0",
            description =
                    "Probability from 0 to 1 that a data route answers 500, 502 or 503, drawn from the seed (default: 0).")
    double failureRate;

    @Option(
            names = "--token-ttl",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description = "Lifetime of session tokens and OAuth access tokens (default: 300).")
    long tokenTtl;

    @Option(
            names = "--auto-advance",
            paramLabel = "SECONDS",
            description =
                    "Apply one change step (new, updated and deleted users) every SECONDS (default: only on POST /admin/advance).")
    Double autoAdvance;

    private final Consumer<Playground> whileRunning;

    /** A playground that runs until the process is stopped. */
    public PlaygroundCommand() {
        this(PlaygroundCommand::untilShutdown);
    }

    /** @param whileRunning runs once the playground serves; the playground stops when it returns */
    PlaygroundCommand(Consumer<Playground> whileRunning) {
        this.whileRunning = whileRunning;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PlaygroundOptions options = options(out);
        Playground playground;
        try {
            playground = Playground.start(options);
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage(), e);
        }
        try {
            printBanner(out, playground);
            whileRunning.accept(playground);
        } finally {
            playground.close();
        }
        return 0;
    }

    private PlaygroundOptions options(PrintWriter out) {
        require(port >= 0 && port <= 65535, "--port must be between 0 and 65535, got " + port);
        require(users >= 1 && users <= 1_000_000, "--users must be between 1 and 1000000, got " + users);
        require(
                rateLimit == null || rateLimit > 0 && !rateLimit.isInfinite(),
                "--rate-limit must be a positive number of requests per second, got " + rateLimit);
        require(capacity >= 1, "--capacity must be at least 1, got " + capacity);
        require(failureRate >= 0 && failureRate <= 1, "--failure-rate must be between 0 and 1, got " + failureRate);
        require(tokenTtl >= 1, "--token-ttl must be at least 1 second, got " + tokenTtl);
        require(
                autoAdvance == null || autoAdvance >= 0.001 && !autoAdvance.isInfinite(),
                "--auto-advance must be a positive number of seconds, got " + autoAdvance);
        return PlaygroundOptions.builder()
                .host(host)
                .port(port)
                .seed(seed)
                .users(users)
                .rateLimit(rateLimit == null ? 0 : rateLimit)
                .capacity(capacity)
                .failureRate(failureRate)
                .tokenTtl(Duration.ofSeconds(tokenTtl))
                .autoAdvance(autoAdvance == null ? null : Duration.ofMillis(Math.round(autoAdvance * 1000)))
                .requestLog(line -> {
                    synchronized (out) {
                        out.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
                        out.flush();
                    }
                })
                .build();
    }

    private void require(boolean valid, String message) {
        if (!valid) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private void printBanner(PrintWriter out, Playground playground) {
        PlaygroundOptions options = playground.options();
        synchronized (out) {
            out.println("Sluice API playground on " + playground.baseUrl());
            out.println(String.format(
                    Locale.ROOT,
                    "seed %d, %d users; tokens live %d s; %s; %s%s",
                    options.seed(),
                    options.users(),
                    options.tokenTtl().toSeconds(),
                    options.rateLimit() > 0
                            ? "rate limit " + options.rateLimit() + "/s (bursts of " + options.capacity() + ")"
                            : "no rate limit",
                    options.failureRate() > 0 ? "failure rate " + options.failureRate() : "no injected failures",
                    options.autoAdvance() == null ? "" : "; a change step every " + autoAdvance + " s"));
            out.println();
            out.println("Credentials (fixed, for local tests only):");
            new TextTable(
                            List.of("auth", "credentials"),
                            List.of(
                                    List.of("api key", Credentials.API_KEY),
                                    List.of(
                                            "basic / session login",
                                            Credentials.USERNAME + " / " + Credentials.PASSWORD),
                                    List.of("bearer", Credentials.BEARER_TOKEN),
                                    List.of(
                                            "oauth2 client",
                                            Credentials.CLIENT_ID + " / " + Credentials.CLIENT_SECRET)),
                            CELL_WIDTH)
                    .print(out);
            out.println();
            out.println("Routes:");
            List<List<Object>> rows = new ArrayList<>();
            for (Route route : playground.routes()) {
                rows.add(List.of(route.method(), route.path(), route.description()));
            }
            new TextTable(List.of("method", "path", "parameters and answer"), rows, CELL_WIDTH).print(out);
            out.println();
            out.println("Requests are logged below. Press Ctrl-C to stop.");
            out.flush();
        }
    }

    private static void untilShutdown(Playground playground) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            playground.close();
                            stopped.countDown();
                        },
                        "playground-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
