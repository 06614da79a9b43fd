package dev.sluice.protocol.drive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.sdk.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What to leave out of a sync driven over gRPC. Everything is selected by default; a selection
 * file excludes tables and columns by their source names:
 *
 * <pre>{@code
 * {
 *   "exclude_tables": ["audit_log"],
 *   "exclude_columns": {"customers": ["email", "phone"]}
 * }
 * }</pre>
 *
 * Immutable.
 *
 * @param excludedTables tables left out
 * @param excludedColumns columns left out, per table
 */
public record SelectionFile(Set<String> excludedTables, Map<String, Set<String>> excludedColumns) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @return a selection of everything */
    public static SelectionFile everything() {
        return new SelectionFile(Set.of(), Map.of());
    }

    /**
     * @param file a selection file
     * @return its exclusions
     * @throws SyncException naming the file and what is wrong in it
     */
    public static SelectionFile read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new SyncException("Selection file " + file + " not found: check the --selection path");
        } catch (JsonProcessingException e) {
            throw new SyncException("Selection file " + file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SyncException("Cannot read selection file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SyncException("Selection file " + file + " must hold a JSON object such as"
                    + " {\"exclude_tables\": [\"t\"], \"exclude_columns\": {\"t2\": [\"c\"]}}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("exclude_tables") && !name.equals("exclude_columns")) {
                throw new SyncException("Selection file " + file + " has an unknown key '" + name
                        + "': use exclude_tables and exclude_columns");
            }
        }
        Set<String> tables = new LinkedHashSet<>();
        JsonNode tableList = root.path("exclude_tables");
        if (!tableList.isMissingNode()) {
            if (!tableList.isArray()) {
                throw new SyncException("Selection file " + file + ": exclude_tables must be a list of table names");
            }
            tableList.forEach(t -> tables.add(t.asText()));
        }
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        JsonNode columnMap = root.path("exclude_columns");
        if (!columnMap.isMissingNode()) {
            if (!columnMap.isObject()) {
                throw new SyncException(
                        "Selection file " + file + ": exclude_columns must map table names to lists of column names");
            }
            columnMap.fields().forEachRemaining(entry -> {
                if (!entry.getValue().isArray()) {
                    throw new SyncException("Selection file " + file + ": exclude_columns." + entry.getKey()
                            + " must be a list of column names");
                }
                Set<String> names = new LinkedHashSet<>();
                entry.getValue().forEach(c -> names.add(c.asText()));
                columns.put(entry.getKey(), Set.copyOf(names));
            });
        }
        return new SelectionFile(Set.copyOf(tables), Map.copyOf(columns));
    }

    /**
     * @param table a source table name
     * @return whether it is synced
     */
    public boolean includesTable(String table) {
        return !excludedTables.contains(table);
    }

    /**
     * @param table a source table name
     * @param column a source column name
     * @return whether the column is synced
     */
    public boolean includesColumn(String table, String column) {
        Set<String> excluded = excludedColumns.get(table);
        return excluded == null || !excluded.contains(column);
    }
}
