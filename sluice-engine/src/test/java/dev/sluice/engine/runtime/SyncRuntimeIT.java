package dev.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.SyncListener;
import dev.sluice.engine.SyncMetrics;
import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.TestDestination;
import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.sdk.Connector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** Syncs run by a {@link SyncRuntime}: handles, cancellation, deadlines, log context, listeners, shared DuckDB. */
class SyncRuntimeIT {

    @TempDir
    Path dir;

    /** Writes {@code batches} batches of 100 rows, a checkpoint after each; counts forever when batches < 0. */
    private static Connector counting(int batches, CountDownLatch afterFirstCheckpoint) {
        return (configuration, state, operations) -> {
            long done = state.getLong("batches", 0L);
            for (long batch = done; batches < 0 || batch < batches; batch++) {
                for (int i = 0; i < 100; i++) {
                    operations.upsert("rows", Map.of("id", batch * 100 + i, "batch", batch));
                }
                operations.checkpoint(state.put("batches", batch + 1));
                if (afterFirstCheckpoint != null) {
                    afterFirstCheckpoint.countDown();
                }
            }
        };
    }

    private SyncOptions options(Path project) {
        return SyncOptions.forProject(project)
                .destination(TestDestination.forProject(project))
                .configuration(Map.of())
                .build();
    }

    private static long count(Path project, String sql) {
        try (WarehouseReader reader = WarehouseReader.open(TestDestination.forProject(project))) {
            return ((Number) reader.query(sql).rows().get(0).values().iterator().next()).longValue();
        }
    }

    @Test
    void aCancelledSyncEndsCancelledWithStateAndRowsOfItsLastCheckpoint() throws Exception {
        CountDownLatch started = new CountDownLatch(3);
        try (SyncRuntime runtime = new SyncRuntime("256MB")) {
            SyncHandle handle = runtime.start(counting(-1, started), options(dir), SyncListener.NONE);
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            handle.cancel("stopped by the test");
            SyncResult result = handle.await();

            assertThat(result.succeeded()).isFalse();
            assertThat(result.cancelled()).isTrue();
            assertThat(result.failureMessage()).isEqualTo("stopped by the test");
            long batches = result.state().getLong("batches", 0L);
            assertThat(batches).isGreaterThanOrEqualTo(3);
            assertThat(count(dir, "SELECT count(*) FROM tester.rows")).isEqualTo(batches * 100);
        }
        SyncResult resumed = SyncRuntime.shared().run(counting(0, null), options(dir));
        assertThat(resumed.succeeded()).isTrue();
    }

    @Test
    void aSyncPastItsDeadlineIsCancelledEvenWhenItsConnectorSleeps() {
        Connector sleeper = (configuration, state, operations) -> {
            operations.upsert("t", Map.of("id", 1));
            operations.checkpoint(state.put("slept", false));
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        };
        long start = System.nanoTime();
        SyncResult result = SyncRuntime.shared()
                .run(
                        sleeper,
                        SyncOptions.forProject(dir)
                                .destination(TestDestination.forProject(dir))
                                .configuration(Map.of())
                                .deadline(Duration.ofMillis(1500))
                                .build());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(result.cancelled()).isTrue();
        assertThat(result.failureMessage()).isEqualTo("the sync passed its time limit of 1.5s");
        assertThat(result.state().asMap()).containsEntry("slept", false);
        assertThat(count(dir, "SELECT count(*) FROM tester.t")).isEqualTo(1);
    }

    @Test
    void theSyncIdIsInTheLogContextOfTheConnectorsThreadAndTheListenerHearsProgressAndTheEnd() throws Exception {
        AtomicReference<String> seenInUpdate = new AtomicReference<>();
        List<String> events = new CopyOnWriteArrayList<>();
        AtomicReference<SyncResult> finished = new AtomicReference<>();
        Connector connector = (configuration, state, operations) -> {
            seenInUpdate.set(MDC.get(SyncRuntime.SYNC_ID));
            for (int i = 0; i < 3; i++) {
                operations.upsert("t", Map.of("id", i));
                Thread.sleep(600);
            }
            operations.checkpoint(state);
        };
        SyncHandle handle = SyncRuntime.shared().start(connector, options(dir), new SyncListener() {
            @Override
            public void started(String syncId) {
                events.add("started " + syncId);
            }

            @Override
            public void progress(SyncMetrics metrics) {
                events.add("progress");
            }

            @Override
            public void finished(SyncResult result) {
                finished.set(result);
            }
        });
        SyncResult result = handle.await();

        assertThat(result.succeeded()).isTrue();
        assertThat(handle.id()).matches("[0-9a-f]{10}");
        assertThat(seenInUpdate.get()).isEqualTo(handle.id());
        assertThat(events.get(0)).isEqualTo("started " + handle.id());
        assertThat(events).contains("progress");
        assertThat(finished.get()).isSameAs(result);
    }

    @Test
    void syncsIntoOneFileShareItsInstanceAndTwoSyncsOfOneSchemaAreRefused() throws Exception {
        CountDownLatch firstCheckpoint = new CountDownLatch(1);
        try (SyncRuntime runtime = new SyncRuntime("256MB")) {
            SyncOptions orders = SyncOptions.forProject(dir)
                    .destination(TestDestination.forProject(dir))
                    .configuration(Map.of())
                    .schema("orders")
                    .stateStore(new dev.sluice.engine.state.StateFileStore(dir.resolve("files/orders.json")))
                    .build();
            SyncOptions users = SyncOptions.forProject(dir)
                    .destination(TestDestination.forProject(dir))
                    .configuration(Map.of())
                    .schema("users")
                    .stateStore(new dev.sluice.engine.state.StateFileStore(dir.resolve("files/users.json")))
                    .build();
            SyncHandle first = runtime.start(counting(-1, firstCheckpoint), orders, SyncListener.NONE);
            assertThat(firstCheckpoint.await(60, TimeUnit.SECONDS)).isTrue();

            SyncResult second = runtime.run(counting(20, null), users);
            SyncResult sameSchema = runtime.run(counting(1, null), orders);
            first.cancel();
            SyncResult firstResult = first.await();

            assertThat(second.succeeded()).as(second.failureMessage()).isTrue();
            assertThat(sameSchema.failureMessage())
                    .contains("(schema orders) is in use by another sync in this process");
            assertThat(firstResult.cancelled()).isTrue();
            assertThat(count(dir, "SELECT count(*) FROM users.rows")).isEqualTo(2000);
            assertThat(count(dir, "SELECT count(*) FROM orders.rows"))
                    .isEqualTo(firstResult.state().getLong("batches", 0L) * 100);
            assertThat(count(dir, "SELECT count(*) FROM _sluice.checkpoint_state"))
                    .isEqualTo(2);
        }
    }

    @Test
    void aConnectorThatFinishesNormallyIsNotReportedCancelledByALateCancel() {
        SyncHandle handle = SyncRuntime.shared().start(counting(2, null), options(dir), SyncListener.NONE);
        SyncResult result = handle.await();
        handle.cancel("too late");

        assertThat(result.succeeded()).isTrue();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.state().getLong("batches", 0L)).isEqualTo(2);
    }
}
