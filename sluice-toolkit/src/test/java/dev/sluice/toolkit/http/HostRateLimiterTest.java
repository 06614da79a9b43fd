package dev.sluice.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.toolkit.testing.FakeApi;
import dev.sluice.toolkit.testing.FakeApi.Reply;
import dev.sluice.toolkit.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostRateLimiterTest {

    private final FakeTime time = new FakeTime();

    @Test
    void spacesRequestsAtTheConfiguredRate() throws Exception {
        HostRateLimiter limiter = new HostRateLimiter(10, 1, time);

        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }

        assertThat(time.elapsed())
                .as("the first goes at once, then one every 100 ms")
                .isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void allowsABurstAfterAQuietSpell() throws Exception {
        HostRateLimiter limiter = new HostRateLimiter(10, 3, time);
        time.advance(Duration.ofSeconds(5));

        for (int i = 0; i < 3; i++) {
            limiter.acquire();
        }
        assertThat(time.sleeps()).isEmpty();
        limiter.acquire();
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void halvesTheRateAndPausesOn429ThenRecoversGradually() throws Exception {
        HostRateLimiter limiter = new HostRateLimiter(8, 1, time);

        limiter.throttled(Duration.ofSeconds(2));
        assertThat(limiter.currentRate()).isEqualTo(4.0);
        limiter.acquire();
        assertThat(time.elapsed()).as("everyone waits out the pause").isEqualTo(Duration.ofSeconds(2));
        limiter.acquire();
        assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(2250));

        limiter.throttled(Duration.ZERO);
        limiter.throttled(Duration.ZERO);
        assertThat(limiter.currentRate()).isEqualTo(1.0);
        for (int i = 0; i < 5; i++) {
            limiter.succeeded();
        }
        assertThat(limiter.currentRate()).isEqualTo(1.0 + 5 * 0.5);
        for (int i = 0; i < 100; i++) {
            limiter.succeeded();
        }
        assertThat(limiter.currentRate()).as("never above the configured rate").isEqualTo(8.0);
    }

    @Test
    void neverFallsBelowAFloor() {
        HostRateLimiter limiter = new HostRateLimiter(64, 1, time);
        for (int i = 0; i < 20; i++) {
            limiter.throttled(Duration.ZERO);
        }
        assertThat(limiter.currentRate()).isEqualTo(1.0);
    }

    @Test
    void theClientSlowsDownAfterA429() {
        try (FakeApi api = FakeApi.start()) {
            api.onSequence("/items", Reply.status(429, "{}"), Reply.json("{}"));
            RestClient client = RestClient.builder(api.url())
                    .time(time)
                    .random(() -> 0.5)
                    .rateLimit(10)
                    .retry(RetryPolicy.exponential(3, Duration.ofMillis(100), Duration.ofSeconds(1)))
                    .build();

            client.getJson("/items");

            HostRateLimiter limiter = client.rateLimiter("127.0.0.1:" + api.port());
            assertThat(limiter.currentRate())
                    .as("halved to 5, then one success wins back 10/16")
                    .isEqualTo(5.625);
            assertThat(time.elapsed()).as("the backoff of the 429").isGreaterThanOrEqualTo(Duration.ofMillis(50));
        }
    }

    @Test
    void limitsTheRateInRealTimeAcrossThreads() throws Exception {
        try (FakeApi api = FakeApi.start()) {
            api.on("/items", request -> Reply.json("{}"));
            RestClient client = RestClient.builder(api.url()).rateLimit(20).build();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                long start = System.nanoTime();
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(threads.submit(() -> client.getJson("/items")));
                }
                for (Future<?> call : calls) {
                    call.get();
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .as("7 intervals of 50 ms")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(340));
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void boundsConcurrentRequestsFromManyThreads() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (FakeApi api = FakeApi.start()) {
            api.on("/slow", request -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Thread.sleep(80);
                inFlight.decrementAndGet();
                return Reply.json("{}");
            });
            RestClient client =
                    RestClient.builder(api.url()).maxConcurrentRequests(2).build();
            ExecutorService threads = Executors.newFixedThreadPool(6);
            try {
                List<Callable<Object>> calls = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    calls.add(() -> client.getJson("/slow"));
                }
                for (Future<Object> call : threads.invokeAll(calls)) {
                    call.get();
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(most.get()).isEqualTo(2);
            assertThat(api.requests()).hasSize(6);
        }
    }
}
