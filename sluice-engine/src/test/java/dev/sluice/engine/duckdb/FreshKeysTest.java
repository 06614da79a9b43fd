package dev.sluice.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.schema.ColumnType;
import dev.sluice.engine.schema.TableModel;
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
        assertThat(fresh.upsert(new Object[] {1L, "a"})).isEqualTo(Operation.APPEND);
        assertThat(fresh.upsert(new Object[] {2L, "b"})).isEqualTo(Operation.APPEND);
        assertThat(fresh.upsert(new Object[] {1L, "c"})).isEqualTo(Operation.UPSERT);
    }

    @Test
    void anUpdateOrDeleteWaitingStagesNewKeysUntilTheNextCheckpoint() {
        FreshKeys fresh = new FreshKeys(table(), 1_000);
        fresh.otherOperation();
        assertThat(fresh.upsert(new Object[] {1L, "a"})).isEqualTo(Operation.UPSERT);
        fresh.checkpointed();
        assertThat(fresh.upsert(new Object[] {1L, "b"})).as("staged before, so written").isEqualTo(Operation.UPSERT);
        assertThat(fresh.upsert(new Object[] {2L, "c"})).isEqualTo(Operation.APPEND);
    }

    @Test
    void pastTheBudgetEveryUpsertIsStaged() {
        FreshKeys fresh = new FreshKeys(table(), 3);
        assertThat(fresh.upsert(new Object[] {1L, "a"})).isEqualTo(Operation.APPEND);
        assertThat(fresh.upsert(new Object[] {2L, "a"})).isEqualTo(Operation.APPEND);
        fresh.upsert(new Object[] {3L, "a"});
        assertThat(fresh.upsert(new Object[] {4L, "a"})).isEqualTo(Operation.UPSERT);
        assertThat(fresh.upsert(new Object[] {1L, "a"})).isEqualTo(Operation.UPSERT);
    }
}
