package dev.sluice.engine.runtime;

import dev.sluice.engine.destination.Destination;
import dev.sluice.engine.naming.NamingStrategy;
import dev.sluice.sdk.SyncException;
import java.util.Locale;

/**
 * Keeps one naming rule per destination schema: the first sync records its rule, and a later sync
 * with the other rule is refused, since it would create a second set of tables beside the first
 * under other names.
 */
final class NamingRecord {

    private NamingRecord() {}

    /**
     * @param destination the sync's destination, in its open transaction
     * @param naming the sync's naming rule
     * @param noTables whether the schema holds no table yet
     * @throws SyncException when the schema's tables were named by the other rule
     */
    static void check(Destination destination, NamingStrategy naming, boolean noTables) {
        String wanted = name(naming);
        String recorded = destination.recordedNaming();
        if (recorded == null) {
            destination.recordNaming(wanted);
            return;
        }
        if (!recorded.equals(wanted)) {
            throw new SyncException(destination.describe() + " holds tables named by --naming " + recorded
                    + ", and this sync asks for --naming " + wanted + ": it would create a second set of tables"
                    + " beside them under other names. Sync with --naming " + recorded
                    + " (or SLUICE_NAMING=" + recorded + "), or run `sluice reset` to start over with " + wanted
                    + " naming" + (noTables ? "" : " (it deletes the synced tables and the state)"));
        }
    }

    private static String name(NamingStrategy naming) {
        return naming.name().toLowerCase(Locale.ROOT);
    }
}
