package dev.sluice.examples.parentchild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.playground.Playground;
import dev.sluice.playground.PlaygroundOptions;
import dev.sluice.playground.data.Company;
import dev.sluice.playground.data.Department;
import dev.sluice.playground.data.Snapshot;
import dev.sluice.testkit.ConnectorContractTest;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ExpectedSync;
import dev.sluice.testkit.OperationCounts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;

/**
 * Companies and their departments, each with its own cursor: the second sync reads the
 * departments of the changed companies only.
 */
class ParentChildConnectorTest extends ConnectorContractTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AutoClose
    private final Playground playground = Playground.start(
            PlaygroundOptions.builder().requestLog(requests::add).build());

    private Snapshot beforeChange;

    @Override
    protected ConnectorTester newTester() {
        return ConnectorTester.of(ParentChildConnector::new)
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", "5"));
    }

    @Override
    protected ExpectedSync firstSync() {
        Snapshot snapshot = playground.snapshot();
        return ExpectedSync.expect()
                .checkpoints(4) // 20 companies in pages of 5
                .operations(OperationCounts.onlyUpserts(20 + snapshot.departmentCount()))
                .keys(
                        "companies",
                        "id",
                        snapshot.companies().stream().map(Company::id).toList())
                .rows("companies", "id", companyRows(snapshot.companies()))
                .keys(
                        "departments",
                        "id",
                        departments(snapshot).stream().map(Department::id).toList())
                .rows("departments", "id", departmentRows(departments(snapshot)))
                .and(tester -> assertThat(tester.state().asMap())
                        .as("a cursor for the companies and one per company")
                        .containsKey("companies_cursor")
                        .containsKeys(snapshot.companies().stream()
                                .map(c -> "departments_cursor:" + c.id())
                                .toArray(String[]::new)));
    }

    @Override
    protected void changeSource() {
        beforeChange = playground.snapshot();
        playground.advance(5); // each step changes one department, and so its company
        requests.clear();
    }

    @Override
    protected ExpectedSync secondSync() {
        Snapshot now = playground.snapshot();
        List<Company> changedCompanies = now.companies().stream()
                .filter(c -> !beforeChange.companies().contains(c))
                .toList();
        List<Department> changedDepartments = departments(now).stream()
                .filter(d -> !departments(beforeChange).contains(d))
                .toList();
        return ExpectedSync.expect()
                .checkpoints(1) // the changed companies fit in one page
                .operations(OperationCounts.onlyUpserts(8)) // 4 departments (one changed twice) and their 4 companies
                .written(
                        "companies",
                        "id",
                        changedCompanies.stream().map(Company::id).toList())
                .written(
                        "departments",
                        "id",
                        changedDepartments.stream().map(Department::id).toList())
                .rows("departments", "id", departmentRows(changedDepartments)) // with their new head_count
                .keys(
                        "departments",
                        "id",
                        departments(now).stream().map(Department::id).toList())
                .and(tester -> assertThat(requests.stream()
                                .filter(line -> line.contains("/departments"))
                                .map(line -> line.replaceAll(".*/cursors/([^/]+)/departments.*", "$1")))
                        .as("only the changed companies' departments are read, once each")
                        .containsExactlyInAnyOrderElementsOf(
                                changedCompanies.stream().map(Company::id).toList()));
    }

    private static List<Department> departments(Snapshot snapshot) {
        return snapshot.departments().values().stream().flatMap(List::stream).toList();
    }

    private static List<Map<String, Object>> companyRows(List<Company> companies) {
        return companies.stream()
                .<Map<String, Object>>map(c -> Map.of("id", c.id(), "name", c.name(), "industry", c.industry()))
                .toList();
    }

    private static List<Map<String, Object>> departmentRows(List<Department> departments) {
        return departments.stream()
                .<Map<String, Object>>map(d -> Map.of(
                        "id", d.id(), "company_id", d.companyId(), "name", d.name(), "head_count", d.headCount()))
                .toList();
    }
}
