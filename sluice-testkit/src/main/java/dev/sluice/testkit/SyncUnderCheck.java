package dev.sluice.testkit;

import java.util.List;
import java.util.Map;

/**
 * One sync an {@link ExpectedSync} is checked against.
 *
 * @param name the sync as failure messages name it ("The first sync")
 * @param outcome how it ended
 * @param tester the tester that ran it, to read the warehouse after it
 * @param rowsBefore every row of every table before it, by table; empty before a first sync
 */
record SyncUnderCheck(
        String name, SyncOutcome outcome, ConnectorTester tester, Map<String, List<Map<String, Object>>> rowsBefore) {}
