package dev.sluice.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriterThreadTest {

    @Test
    void aBatchClosesAtItsRowCountOrAtAboutAMegabyteOfValues() {
        List<Integer> batchSizes = new ArrayList<>();
        int[] rowsInBatch = {0};
        WriterThread thread = new WriterThread(new WriterThread.RowSink() {
            @Override
            public void accept(dev.sluice.engine.duckdb.TableWriter writer, dev.sluice.engine.duckdb.Operation op,
                    Object[] values, String mask, long bytes) {
                rowsInBatch[0]++;
            }

            @Override
            public void batchDone() {
                batchSizes.add(rowsInBatch[0]);
                rowsInBatch[0] = 0;
            }
        }, () -> { });
        try {
            for (int i = 0; i < 3000; i++) {
                thread.add(null, null, new Object[] {(long) i, "narrow"}, null);
            }
            String wide = "x".repeat(300_000);
            for (int i = 0; i < 10; i++) {
                thread.add(null, null, new Object[] {(long) i, wide}, null);
            }
            thread.call(() -> { });
        } finally {
            thread.close();
        }
        assertThat(batchSizes).startsWith(1024, 1024);
        assertThat(batchSizes.subList(2, batchSizes.size())).as("wide rows: ~1 MB per batch")
                .allMatch(size -> size <= 1024).contains(4);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3010);
    }

    @Test
    void aRowIsEstimatedByItsTextAndBinaryValues() {
        long narrow = RowSize.estimate(new Object[] {1L, "ab", null});
        long wide = RowSize.estimate(new Object[] {1L, "a".repeat(10_000), new byte[5_000]});
        assertThat(wide - narrow).isBetween(15_000L, 15_100L);
    }
}
