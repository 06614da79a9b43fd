package dev.sluice.examples.parentchild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.Company;
import dev.sluice.playground.data.Department;
import dev.sluice.playground.data.Snapshot;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ResumeCheckOptions;
import dev.sluice.testkit.SyncOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParentChildConnectorTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Playground playground;

    @BeforeEach
    void startPlayground() {
        playground = Playground.start(
                PlaygroundOptions.builder().requestLog(requests::add).build());
    }

    @AfterEach
    void stopPlayground() {
        playground.close();
    }

    @Test
    void theFirstSyncLoadsEveryCompanyAndDepartment() {
        try (ConnectorTester tester =
                ConnectorTester.of(new ParentChildConnector()).configuration(configuration())) {
            SyncOutcome first = tester.sync().assertSucceeded();

            Snapshot snapshot = playground.snapshot();
            assertThat(first.checkpoints()).as("20 companies in pages of 5").isEqualTo(4);
            Map<Object, Map<String, Object>> companies = byId(tester.rows("companies"));
            assertThat(companies).hasSize(20);
            for (Company company : snapshot.companies()) {
                assertThat(companies.get(company.id()))
                        .containsEntry("name", company.name())
                        .containsEntry("industry", company.industry());
            }
            Map<Object, Map<String, Object>> departments = byId(tester.rows("departments"));
            assertThat(departments).hasSize(snapshot.departmentCount());
            for (Department department : allDepartments(snapshot)) {
                assertThat(departments.get(department.id()))
                        .containsEntry("company_id", department.companyId())
                        .containsEntry("name", department.name())
                        .containsEntry("head_count", (long) department.headCount());
            }
            assertThat(tester.state().asMap())
                    .containsKey("companies_cursor")
                    .containsKeys(snapshot.companies().stream()
                            .map(c -> "departments_cursor:" + c.id())
                            .toArray(String[]::new));
        }
    }

    @Test
    void theNextSyncReadsOnlyTheChildrenOfTheChangedCompany() {
        try (ConnectorTester tester =
                ConnectorTester.of(new ParentChildConnector()).configuration(configuration())) {
            tester.sync().assertSucceeded();
            Map<String, Department> before = byDepartmentId(playground.snapshot());
            Snapshot after = playground.advance(1);
            Department changed = allDepartments(after).stream()
                    .filter(department -> department.headCount()
                            != before.get(department.id()).headCount())
                    .findFirst()
                    .orElseThrow();
            requests.clear();

            SyncOutcome second = tester.sync().assertSucceeded();

            assertThat(second.metrics().upserts())
                    .as("the changed company and its changed department")
                    .isEqualTo(2);
            assertThat(tester.row("departments", "id", changed.id()))
                    .containsEntry("head_count", (long) changed.headCount());
            assertThat(requests.stream().filter(line -> line.contains("/departments")))
                    .as("only the changed company's departments are read")
                    .singleElement()
                    .asString()
                    .contains("/cursors/" + changed.companyId() + "/departments");
            assertThat(tester.rows("departments")).hasSize(after.departmentCount());
        }
    }

    @Test
    void resumesFromEveryCheckpointOfTheFirstSyncAndOfTheNext() {
        try (ConnectorTester tester =
                ConnectorTester.of(new ParentChildConnector()).configuration(configuration())) {
            tester.assertResumesFromEveryCheckpoint();

            tester.sync().assertSucceeded();
            playground.advance(5);
            tester.assertResumesFromEveryCheckpoint(ResumeCheckOptions.fromCurrentState());
        }
    }

    private Map<String, String> configuration() {
        return Map.of("base_url", playground.baseUrl(), "page_size", "5");
    }

    private static List<Department> allDepartments(Snapshot snapshot) {
        return snapshot.departments().values().stream().flatMap(List::stream).toList();
    }

    private static Map<String, Department> byDepartmentId(Snapshot snapshot) {
        return allDepartments(snapshot).stream().collect(Collectors.toMap(Department::id, department -> department));
    }

    private static Map<Object, Map<String, Object>> byId(List<Map<String, Object>> rows) {
        return rows.stream().collect(Collectors.toMap(row -> row.get("id"), row -> row));
    }
}
