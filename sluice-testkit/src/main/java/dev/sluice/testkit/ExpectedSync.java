package dev.sluice.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;

/**
 * What one sync must have done and what the warehouse must hold after it: the expectation a
 * {@link ConnectorContractTest} checks after the first and after the second sync.
 *
 * <pre>{@code
 * ExpectedSync.expect()
 *         .checkpoints(5)
 *         .operations(OperationCounts.onlyUpserts(200))
 *         .keys("users", "id", ids)                 // exactly these rows, soft-deleted ones included
 *         .rows("users", "id", expectedRows)        // each of these live, with at least these values
 *         .records("users", "id", users)            // the same, from records: createdAt is created_at
 *         .written("users", "id", changedIds)       // the rows this sync wrote, no other
 *         .and(tester -> assertThat(tester.state().has("offset")).isFalse());
 * }</pre>
 *
 * <p>Tables and columns are named as in the destination; keys and values match by value, numbers
 * whatever their Java type ({@code 7 == 7L}). Every check set here runs, in the order set; the
 * first that does not hold throws an {@link AssertionError} naming the sync, the table and the
 * row. A fluent builder: not thread-safe, build one in the method that returns it.
 */
public final class ExpectedSync {

    private Long checkpoints;
    private OperationCounts operations;
    private final Map<String, Integer> rowCounts = new LinkedHashMap<>();
    private final List<Consumer<SyncUnderCheck>> checks = new ArrayList<>();

    private ExpectedSync() {}

    /** @return an expectation with no checks yet */
    public static ExpectedSync expect() {
        return new ExpectedSync();
    }

    /**
     * @param count the durable checkpoints the sync must make; also what the uninterrupted sync of
     *     a resume check must make
     * @return this expectation
     */
    public ExpectedSync checkpoints(long count) {
        checkpoints = count;
        checks.add(sync -> assertEqual(
                sync.name() + " made " + sync.outcome().checkpoints() + " checkpoints, not " + count,
                count,
                sync.outcome().checkpoints()));
        return this;
    }

    /**
     * @param counts how many upserts, updates, deletes and truncates the sync must write, exactly
     * @return this expectation
     */
    public ExpectedSync operations(OperationCounts counts) {
        operations = Objects.requireNonNull(counts, "counts");
        checks.add(sync -> assertEqual(
                sync.name() + " wrote other operations than expected",
                counts,
                sync.outcome().operations()));
        return this;
    }

    /**
     * @param table a destination table
     * @param keyColumn a column that tells its rows apart, usually the primary key
     * @param keys the keys of every row the table must hold after the sync, soft-deleted rows
     *     included, and no other
     * @return this expectation
     */
    public ExpectedSync keys(String table, String keyColumn, Collection<?> keys) {
        List<Object> expected = List.copyOf(keys);
        rowCounts.put(table, expected.size());
        checks.add(sync -> TableChecks.assertKeys(
                sync.name() + ": table '" + table + "'",
                expected,
                TableChecks.keysOf(sync.tester().rows(table), keyColumn)));
        return this;
    }

    /**
     * @param table a destination table
     * @param keyColumn a column that tells its rows apart
     * @param keys the keys of every live row (not soft-deleted) the table must hold, and no other
     * @return this expectation
     */
    public ExpectedSync liveKeys(String table, String keyColumn, Collection<?> keys) {
        List<Object> expected = List.copyOf(keys);
        checks.add(sync -> TableChecks.assertKeys(
                sync.name() + ": the live rows of table '" + table + "'",
                expected,
                TableChecks.keysOf(sync.tester().liveRows(table), keyColumn)));
        return this;
    }

    /**
     * @param table a destination table
     * @param keyColumn a column that tells its rows apart; each expected row must have it
     * @param rows rows the table must hold live (not soft-deleted), each with at least the values
     *     given; columns left out are not compared, other rows of the table are allowed (pin them
     *     with {@link #keys})
     * @return this expectation
     */
    public ExpectedSync rows(String table, String keyColumn, Collection<? extends Map<String, ?>> rows) {
        List<Map<String, ?>> expected = List.copyOf(rows);
        checks.add(sync -> TableChecks.assertRowsContain(
                sync.name() + ": table '" + table + "'",
                keyColumn,
                expected,
                sync.tester().rows(table)));
        return this;
    }

    /**
     * Like {@link #rows}, with each expected row given as a record, e.g. the source's own: each
     * component must equal the column of the same name, ignoring case and underscores
     * ({@code createdAt} is column {@code created_at}), so that records named as the source names
     * them match under any naming.
     *
     * @param table a destination table
     * @param keyColumn a column that tells its rows apart; some component must match it
     * @param records records the table must hold live, each with its values
     * @return this expectation
     */
    public ExpectedSync records(String table, String keyColumn, Collection<? extends Record> records) {
        List<Record> expected = List.copyOf(records);
        checks.add(sync -> {
            List<String> columns = sync.tester().columns(table);
            List<Map<String, ?>> rows = expected.stream()
                    .<Map<String, ?>>map(r -> TableChecks.asRow(r, columns))
                    .toList();
            TableChecks.assertRowsContain(
                    sync.name() + ": table '" + table + "'",
                    keyColumn,
                    rows,
                    sync.tester().rows(table));
        });
        return this;
    }

    /**
     * The rows the sync wrote are those whose {@code _fivetran_synced} it changed: new rows and
     * every row it upserted, updated or deleted again, even with the same values.
     *
     * @param table a destination table
     * @param keyColumn a column that tells its rows apart
     * @param keys the keys of the rows the sync must have written, and no other
     * @return this expectation
     */
    public ExpectedSync written(String table, String keyColumn, Collection<?> keys) {
        List<Object> expected = List.copyOf(keys);
        checks.add(sync -> TableChecks.assertKeys(
                sync.name() + ": the rows written to table '" + table + "'",
                expected,
                TableChecks.writtenKeys(
                        sync.rowsBefore().getOrDefault(table, List.of()),
                        sync.tester().rows(table),
                        keyColumn)));
        return this;
    }

    /**
     * @param check any further assertion on the tester after the sync (its rows, its state),
     *     run after the checks set before it
     * @return this expectation
     */
    public ExpectedSync and(Consumer<ConnectorTester> check) {
        Objects.requireNonNull(check, "check");
        checks.add(sync -> check.accept(sync.tester()));
        return this;
    }

    /** @return the checkpoints expected, if set */
    public OptionalLong expectedCheckpoints() {
        return checkpoints == null ? OptionalLong.empty() : OptionalLong.of(checkpoints);
    }

    /** @return the rows per table implied by {@link #keys}, soft-deleted rows included */
    public Map<String, Integer> expectedRowCounts() {
        return Map.copyOf(rowCounts);
    }

    /**
     * Checks the tester's last sync, for a test's own syncs: {@code expect().rows(...).assertMetBy(tester)}.
     * With no rows known from before that sync, {@link #written} counts every row as written.
     *
     * @param tester a tester that has run a sync
     * @throws AssertionError at the first check that does not hold
     * @throws IllegalStateException when the tester has run no sync
     */
    public void assertMetBy(ConnectorTester tester) {
        SyncOutcome last = tester.lastSync();
        if (last == null) {
            throw new IllegalStateException("The tester has run no sync to check");
        }
        verify(new SyncUnderCheck("Sync " + last.number(), last, tester, Map.of()));
    }

    /**
     * Runs every check, in the order set.
     *
     * @param sync the sync to check
     * @throws AssertionError at the first check that does not hold
     */
    void verify(SyncUnderCheck sync) {
        checks.forEach(check -> check.accept(sync));
    }

    private static void assertEqual(String message, Object expected, Object actual) {
        if (!Values.same(expected, actual)) {
            throw new AssertionFailedError(message + ": expected " + expected + " but was " + actual, expected, actual);
        }
    }

    @Override
    public String toString() {
        return "ExpectedSync[" + checks.size() + " checks"
                + (checkpoints == null ? "" : ", " + checkpoints + " checkpoints")
                + (operations == null ? "" : ", " + operations) + "]";
    }
}
