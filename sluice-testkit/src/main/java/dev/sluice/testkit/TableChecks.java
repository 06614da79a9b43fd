package dev.sluice.testkit;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opentest4j.AssertionFailedError;

/** The row-level assertions behind {@link ExpectedSync}; keys and values compare by value. */
final class TableChecks {

    private static final int LISTED = 10;

    private TableChecks() {}

    /**
     * @param rows rows of one table
     * @param keyColumn the column to read
     * @return each row's value of that column, in row order
     * @throws AssertionError when the rows have no such column
     */
    static List<Object> keysOf(List<Map<String, Object>> rows, String keyColumn) {
        List<Object> keys = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (!row.containsKey(keyColumn)) {
                throw new AssertionError(
                        "No column '" + keyColumn + "' to tell rows apart; the table has " + row.keySet());
            }
            keys.add(row.get(keyColumn));
        }
        return keys;
    }

    /**
     * @param before the table's rows before a sync
     * @param after its rows after the sync
     * @param keyColumn the column that tells rows apart
     * @return the keys of the rows the sync wrote: new ones and those whose
     *     {@code _fivetran_synced} changed
     */
    static List<Object> writtenKeys(
            List<Map<String, Object>> before, List<Map<String, Object>> after, String keyColumn) {
        Map<Object, Object> syncedBefore = new TreeMap<>(Values.ORDER);
        for (Map<String, Object> row : before) {
            syncedBefore.put(row.get(keyColumn), row.get(WarehouseView.SYNCED));
        }
        List<Object> written = new ArrayList<>();
        for (Map<String, Object> row : after) {
            Object key = row.get(keyColumn);
            if (!syncedBefore.containsKey(key)
                    || !Objects.equals(syncedBefore.get(key), row.get(WarehouseView.SYNCED))) {
                written.add(key);
            }
        }
        return written;
    }

    /**
     * @param what the rows compared, for the message
     * @param expected the keys there must be, each once
     * @param actual the keys there are
     * @throws AssertionFailedError naming the missing, unexpected and repeated keys
     */
    static void assertKeys(String what, Collection<Object> expected, List<Object> actual) {
        TreeSet<Object> wanted = sorted(expected);
        TreeSet<Object> found = sorted(actual);
        List<Object> repeated = new ArrayList<>();
        TreeSet<Object> seen = new TreeSet<>(Values.ORDER);
        actual.stream().filter(key -> !seen.add(key)).forEach(repeated::add);
        TreeSet<Object> missing = sorted(wanted);
        missing.removeAll(found);
        TreeSet<Object> unexpected = sorted(found);
        unexpected.removeAll(wanted);
        if (missing.isEmpty() && unexpected.isEmpty() && repeated.isEmpty()) {
            return;
        }
        throw new AssertionFailedError(
                what + ": " + wanted.size() + " keys expected, " + actual.size() + " rows found"
                        + listed("; missing", missing) + listed("; unexpected", unexpected)
                        + listed("; more than once", repeated),
                wanted.size(),
                actual.size());
    }

    /**
     * @param what the table, for the message
     * @param keyColumn the column that tells rows apart
     * @param expected rows that must be there, live, each with at least its values
     * @param actual every row of the table
     * @throws AssertionFailedError naming the first row missing, soft-deleted or with another value
     */
    static void assertRowsContain(
            String what, String keyColumn, List<Map<String, ?>> expected, List<Map<String, Object>> actual) {
        Map<Object, Map<String, Object>> byKey = new TreeMap<>(Values.ORDER);
        actual.forEach(row -> byKey.put(row.get(keyColumn), row));
        for (Map<String, ?> wanted : expected) {
            Object key = wanted.get(keyColumn);
            Map<String, Object> row = byKey.get(key);
            String rowName = what + ", row " + keyColumn + " = " + key;
            if (row == null) {
                throw new AssertionFailedError(rowName + ": no such row (" + actual.size() + " rows)", wanted, null);
            }
            if (Boolean.TRUE.equals(row.get(WarehouseView.DELETED))) {
                throw new AssertionFailedError(rowName + ": soft-deleted, expected live", false, true);
            }
            for (Map.Entry<String, ?> value : wanted.entrySet()) {
                if (!row.containsKey(value.getKey())) {
                    throw new AssertionError(
                            rowName + ": no column '" + value.getKey() + "'; the row has " + row.keySet());
                }
                if (!Values.same(value.getValue(), row.get(value.getKey()))) {
                    throw new AssertionFailedError(
                            rowName + ", column " + value.getKey() + ": expected " + value.getValue() + " but was "
                                    + row.get(value.getKey()),
                            value.getValue(),
                            row.get(value.getKey()));
                }
            }
        }
    }

    /**
     * @param record an expected row as a record
     * @param columns the table's columns
     * @return the record's values by the column each component matches, ignoring case and
     *     underscores
     * @throws AssertionError naming the component that matches no column
     */
    static Map<String, Object> asRow(Record record, List<String> columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            String column = columns.stream()
                    .filter(name -> comparableName(name).equals(comparableName(component.getName())))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("The component " + component.getName() + " of "
                            + record.getClass().getSimpleName() + " matches no column of " + columns));
            try {
                component.getAccessor().trySetAccessible();
                row.put(column, component.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component.getName() + " of " + record, e);
            }
        }
        return row;
    }

    private static String comparableName(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static TreeSet<Object> sorted(Collection<Object> keys) {
        TreeSet<Object> set = new TreeSet<>(Values.ORDER);
        set.addAll(keys);
        return set;
    }

    private static String listed(String label, Collection<Object> keys) {
        if (keys.isEmpty()) {
            return "";
        }
        List<Object> shown = keys.stream().limit(LISTED).toList();
        return label + " (" + keys.size() + "): " + shown + (keys.size() > LISTED ? " ..." : "");
    }
}
