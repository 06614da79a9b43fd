package dev.sluice.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.destination.RowOperation;
import dev.sluice.engine.destination.TableWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class WriterThreadTest {

    @Test
    void aBatchClosesAtItsRowCountOrAtAboutAMegabyteOfValues() {
        List<Integer> batchSizes = new ArrayList<>();
        int[] rowsInBatch = {0};
        WriterThread thread = new WriterThread(sink(() -> rowsInBatch[0]++, () -> {
            batchSizes.add(rowsInBatch[0]);
            rowsInBatch[0] = 0;
        }));
        try {
            for (int i = 0; i < 3000; i++) {
                thread.add(null, null, new Object[] {(long) i, "narrow"}, null);
            }
            String wide = "x".repeat(300_000);
            for (int i = 0; i < 10; i++) {
                thread.add(null, null, new Object[] {(long) i, wide}, null);
            }
            thread.call(() -> {});
        } finally {
            thread.close();
        }
        assertThat(batchSizes).startsWith(1024, 1024);
        assertThat(batchSizes.subList(2, batchSizes.size()))
                .as("wide rows: ~1 MB per batch")
                .allMatch(size -> size <= 1024)
                .contains(4);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3010);
    }

    @Test
    void theWriterThreadLogsWithTheLogContextOfTheThreadThatStartedIt() {
        List<String> seen = new ArrayList<>();
        MDC.put("sync_id", "abc123");
        WriterThread thread;
        try {
            thread = new WriterThread(sink(() -> seen.add(MDC.get("sync_id")), () -> {}));
        } finally {
            MDC.remove("sync_id");
        }
        try {
            thread.add(null, null, new Object[] {1L}, null);
            thread.call(() -> seen.add(MDC.get("sync_id")));
        } finally {
            thread.close();
        }
        assertThat(seen).containsExactly("abc123", "abc123");
    }

    @Test
    void closeWaitsForTheThreadEvenWhenTheCallerIsInterrupted() throws Exception {
        java.util.concurrent.CountDownLatch working = new java.util.concurrent.CountDownLatch(1);
        boolean[] finished = {false};
        WriterThread thread = new WriterThread(sink(() -> {}, () -> {}));
        Thread caller = new Thread(() -> {
            try {
                thread.call(() -> {
                    working.countDown();
                    long end = System.nanoTime() + 500_000_000L;
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                    finished[0] = true;
                });
            } catch (RuntimeException expected) {
                // interrupted while waiting: the work goes on on the writer thread
            }
            thread.close();
            assertThat(finished[0])
                    .as("the work had ended when close() returned")
                    .isTrue();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        });
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        caller.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        caller.start();
        working.await();
        caller.interrupt();
        caller.join();
        assertThat(failure.get()).isNull();
    }

    @Test
    void aRowIsEstimatedByItsTextAndBinaryValues() {
        long narrow = RowSize.estimate(new Object[] {1L, "ab", null});
        long wide = RowSize.estimate(new Object[] {1L, "a".repeat(10_000), new byte[5_000]});
        assertThat(wide - narrow).isBetween(15_000L, 15_100L);
    }

    /** A sink that runs {@code onRow} for each row and {@code onBatch} after each batch. */
    private static WriterThread.RowSink sink(Runnable onRow, Runnable onBatch) {
        return new WriterThread.RowSink() {
            @Override
            public void accept(TableWriter writer, RowOperation op, Object[] values, String mask, long bytes) {
                onRow.run();
            }

            @Override
            public void batchDone() {
                onBatch.run();
            }
        };
    }
}
