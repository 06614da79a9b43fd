package dev.sluice.engine.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.core.FreshKeys;
import dev.sluice.engine.destination.RowOperation;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.engine.values.ColumnType;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upserts into a table the sync created stream straight into it while its keys are tracked, and go
 * through the staging table once the tracking budget is spent; upserts into an existing table are
 * merged, then deleted and re-inserted once the merge budget is spent. Either way the last row of
 * a key wins and no key appears twice.
 */
class TableWriterKeyTrackingTest {

    @TempDir
    Path dir;

    @Test
    void lastRowOfEachKeyWinsBeforeAndAfterTheTrackingAndMergeBudgetsAreSpent() throws Exception {
        Map<Long, String> expected = new TreeMap<>();
        try (DuckDbDatabase warehouse =
                DuckDbDatabase.open(new DuckDbInstances("128MB"), dir.resolve("warehouse.db"))) {
            DuckDbBookkeeping bookkeeping = new DuckDbBookkeeping(warehouse, "tester");
            bookkeeping.prepare();
            DuckDbCatalog catalog = new DuckDbCatalog(warehouse, "tester");
            TableModel model = new TableModel("t", List.of("id"), false);
            model.addColumn("id", ColumnType.LONG, true);
            model.addColumn("v", ColumnType.STRING, true);
            warehouse.begin();
            FreshKeys fresh = new FreshKeys(model, 50);
            DuckDbTableWriter writer =
                    new DuckDbTableWriter(warehouse, catalog, bookkeeping, "tester", model, 0, 1_000_000);
            {
                writer.createTable();
                Instant now = Instant.now();
                for (int round = 0; round < 4; round++) {
                    for (long id = 0; id < 40; id++) {
                        long key = (id * 7 + round * 13) % 60;
                        String value = "r" + round + "-" + id;
                        Object[] row = {key, value};
                        writer.write(fresh.upsert(row), row, null, now);
                        expected.put(key, value);
                    }
                    if (round % 2 == 1) {
                        writer.flush(now);
                    }
                }
                writer.flush(now);
                warehouse.commit();
                writer.transactionCommitted();
                warehouse.begin();
                writer.addDeferredPrimaryKey();
                warehouse.commit();
                writer.connectionClosing();
            }
            TableModel loaded = catalog.loadTables(bookkeeping.deferredKeys()).get("t");
            warehouse.begin();
            DuckDbTableWriter again = new DuckDbTableWriter(warehouse, catalog, bookkeeping, "tester", loaded, 1, 30);
            {
                Instant now = Instant.now();
                for (int round = 0; round < 3; round++) {
                    for (long id = 0; id < 25; id++) {
                        long key = (id * 11 + round * 5) % 70;
                        String value = "again" + round + "-" + id;
                        again.write(RowOperation.UPSERT, new Object[] {key, value}, null, now);
                        expected.put(key, value);
                    }
                    again.flush(now);
                }
                warehouse.commit();
                again.connectionClosing();
            }
            Map<Long, String> actual = new TreeMap<>();
            List<Long> keys = new ArrayList<>();
            try (Statement statement = warehouse.connection().createStatement();
                    ResultSet rs = statement.executeQuery("SELECT id, v FROM tester.t ORDER BY id")) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                    actual.put(rs.getLong(1), rs.getString(2));
                }
            }
            assertThat(keys).doesNotHaveDuplicates();
            assertThat(actual).isEqualTo(expected);
        }
    }
}
