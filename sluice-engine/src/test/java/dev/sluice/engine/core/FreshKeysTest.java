package dev.sluice.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.destination.RowOperation;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.engine.values.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshKeysTest {

    private static TableModel table() {
        TableModel model = new TableModel("t", List.of("id"), false);
        model.addColumn("id", ColumnType.LONG, true);
        model.addColumn("v", ColumnType.STRING, true);
        return model;
    }

    @Test
    void aKeyIsAppendedTheFirstTimeOnlyAndStagedAfterwards() {
        FreshKeys fresh = new FreshKeys(table(), 1_000);
        assertThat(fresh.upsert(new Object[] {1L, "a"})).isEqualTo(RowOperation.APPEND);
        assertThat(fresh.upsert(new Object[] {2L, "b"})).isEqualTo(RowOperation.APPEND);
        assertThat(fresh.upsert(new Object[] {1L, "c"})).isEqualTo(RowOperation.UPSERT);
    }

    @Test
    void anUpdateOrDeleteWaitingStagesNewKeysUntilTheNextCheckpoint() {
        FreshKeys fresh = new FreshKeys(table(), 1_000);
        fresh.otherOperation();
        assertThat(fresh.upsert(new Object[] {1L, "a"})).isEqualTo(RowOperation.UPSERT);
        fresh.checkpointed();
        assertThat(fresh.upsert(new Object[] {1L, "b"}))
                .as("staged before, so written")
                .isEqualTo(RowOperation.UPSERT);
        assertThat(fresh.upsert(new Object[] {2L, "c"})).isEqualTo(RowOperation.APPEND);
    }

    @Test
    void pastTheBudgetEveryUpsertIsStaged() {
        FreshKeys fresh = new FreshKeys(table(), 3);
        assertThat(fresh.upsert(new Object[] {1L, "a"})).isEqualTo(RowOperation.APPEND);
        assertThat(fresh.upsert(new Object[] {2L, "a"})).isEqualTo(RowOperation.APPEND);
        fresh.upsert(new Object[] {3L, "a"});
        assertThat(fresh.upsert(new Object[] {4L, "a"})).isEqualTo(RowOperation.UPSERT);
        assertThat(fresh.upsert(new Object[] {1L, "a"})).isEqualTo(RowOperation.UPSERT);
    }
}
