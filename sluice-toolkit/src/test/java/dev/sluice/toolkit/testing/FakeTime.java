package dev.sluice.toolkit.testing;

import dev.sluice.toolkit.http.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when someone sleeps on it (or the test advances it): no real waiting. */
public final class FakeTime implements TimeSource {

    private final Instant origin;
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public FakeTime(Instant origin) {
        this.origin = origin;
    }

    public FakeTime() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant now() {
        return origin.plusNanos(nanos.get());
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        sleeps.add(duration);
        nanos.addAndGet(duration.toNanos());
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
