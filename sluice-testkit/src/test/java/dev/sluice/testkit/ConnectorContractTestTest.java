package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs {@link ConnectorContractTest}'s inherited checks, through the JUnit launcher, against a
 * correct connector and against connectors that each break one: every check must pass for the
 * first and fail, naming what is wrong, for the connector that breaks it.
 */
class ConnectorContractTestTest {

    private static final String FIRST_SYNC = "firstSyncLandsTheExpectedRows()";
    private static final String FIRST_RESUME = "resumesFromEveryCheckpointOfTheFirstSync()";
    private static final String SECOND_SYNC = "secondSyncWritesOnlyTheChanges()";
    private static final String SECOND_RESUME = "resumesFromEveryCheckpointOfTheSecondSync()";

    @Test
    void aCorrectIncrementalConnectorPassesEveryCheck() {
        Map<String, TestExecutionResult> results = run(ItemContracts.Incremental.class);

        assertThat(results).containsOnlyKeys(FIRST_SYNC, FIRST_RESUME, SECOND_SYNC, SECOND_RESUME);
        results.forEach((test, result) -> assertThat(result.getStatus())
                .as(test + ": " + result)
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    }

    @Test
    void theFirstSyncCheckFailsForAConnectorThatLandsWrongValues() {
        Map<String, TestExecutionResult> results = run(ItemContracts.WrongNames.class);

        assertThat(failure(results, FIRST_SYNC))
                .contains("The first sync: table 'items', row id = 1, column name: expected item-1 but was ITEM-1");
        assertPassed(results, FIRST_RESUME, SECOND_SYNC, SECOND_RESUME);
    }

    @Test
    void bothResumeChecksFailForAConnectorThatDuplicatesRowsWhenResumed() {
        Map<String, TestExecutionResult> results = run(ItemContracts.DuplicatesOnResume.class);

        assertThat(failure(results, FIRST_RESUME))
                .contains("checkpoint 1 of 5", "table 'items' differs", "(25 rows expected, 30 found)");
        assertThat(failure(results, SECOND_RESUME))
                .contains("checkpoint 1 of 2", "table 'items' differs", "(32 rows expected, 37 found)");
        assertPassed(results, FIRST_SYNC, SECOND_SYNC);
    }

    @Test
    void theSecondSyncCheckFailsForAConnectorThatSendsEverythingAgain() {
        Map<String, TestExecutionResult> results = run(ItemContracts.ResendsEverything.class);

        assertThat(failure(results, SECOND_SYNC))
                .contains("The second sync wrote other operations than expected:"
                        + " expected 7 upserts, 0 updates, 0 deletes, 0 truncates but was 32 upserts");
        assertPassed(results, FIRST_SYNC, FIRST_RESUME, SECOND_RESUME);
    }

    @Test
    void theResumeChecksFailForAConnectorThatNeverCheckpointsInsteadOfCheckingNothing() {
        Map<String, TestExecutionResult> results = run(ItemContracts.NeverCheckpoints.class);

        assertThat(failure(results, FIRST_RESUME)).contains("The first sync made no checkpoint");
        assertThat(failure(results, SECOND_RESUME)).contains("The second sync made no checkpoint");
        assertThat(failure(results, FIRST_SYNC)).contains("The first sync made 0 checkpoints, not 5");
    }

    @Test
    void theSecondSyncCheckNamesTheRowsWrittenThatDidNotChange() {
        ExpectedSync onlyTheNewItems = ExpectedSync.expect().written("items", "id", List.of(26L));
        try (ConnectorTester tester = ConnectorTester.of(new ItemConnectors.ResendsEverything(new ItemSource(26)))) {
            tester.sync().assertSucceeded();
            Map<String, List<Map<String, Object>>> before = Map.of("items", tester.rows("items"));
            SyncOutcome again = tester.sync().assertSucceeded();

            assertThat(catchThrowable(
                            () -> onlyTheNewItems.verify(new SyncUnderCheck("The second sync", again, tester, before))))
                    .hasMessageContaining(
                            "The second sync: the rows written to table 'items': 1 keys expected, 26 rows found")
                    .hasMessageContaining("unexpected (25): [1, 2, 3");
        }
    }

    private static void assertPassed(Map<String, TestExecutionResult> results, String... tests) {
        for (String test : tests) {
            assertThat(results.get(test).getStatus())
                    .as(test + ": " + results.get(test))
                    .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        }
    }

    private static String failure(Map<String, TestExecutionResult> results, String test) {
        TestExecutionResult result = results.get(test);
        assertThat(result.getStatus()).as(test).isEqualTo(TestExecutionResult.Status.FAILED);
        Throwable thrown = result.getThrowable().orElseThrow();
        assertThat(thrown).isInstanceOf(AssertionError.class);
        return thrown.getMessage();
    }

    /** @return each test method's result, by its display name */
    private static Map<String, TestExecutionResult> run(Class<?> contract) {
        Map<String, TestExecutionResult> results = new TreeMap<>();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(contract))
                                .build(),
                        new TestExecutionListener() {
                            @Override
                            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                                if (test.isTest()) {
                                    results.put(test.getDisplayName(), result);
                                }
                            }
                        });
        return results;
    }
}
