package dev.sluice.engine.values;

import dev.sluice.sdk.SyncException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Java record's components as a row, for {@code Operations.upsert(String, Record)}. Stateless. */
public final class RecordValues {

    private RecordValues() {}

    /**
     * @param record a record, not null
     * @return its component names mapped to their values, in declaration order
     * @throws SyncException naming the component when one cannot be read
     */
    public static Map<String, Object> toMap(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                map.put(component.getName(), accessor.invoke(record));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new SyncException(
                        "Cannot read component '" + component.getName() + "' of record "
                                + record.getClass().getName() + ": " + e,
                        e);
            }
        }
        return map;
    }
}
