package dev.sluice.playground.data;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An immutable view of the data after some number of change steps. Lists are ordered by
 * (updatedAt, id), deletions by (deletedAt, id).
 *
 * @param steps change steps applied since the start
 * @param clock the simulated clock: no timestamp in the data is later
 * @param users live users
 * @param companies companies
 * @param departments departments by company id
 * @param deletions the deletes feed
 */
public record Snapshot(
        long steps,
        Instant clock,
        List<User> users,
        List<Company> companies,
        Map<String, List<Department>> departments,
        List<Deletion> deletions) {

    /** Order of users: updatedAt, then id. */
    public static final Comparator<User> USER_ORDER =
            Comparator.comparing(User::updatedAt).thenComparing(User::id);
    /** Order of companies: updatedAt, then id. */
    public static final Comparator<Company> COMPANY_ORDER =
            Comparator.comparing(Company::updatedAt).thenComparing(Company::id);
    /** Order of departments: updatedAt, then id. */
    public static final Comparator<Department> DEPARTMENT_ORDER =
            Comparator.comparing(Department::updatedAt).thenComparing(Department::id);
    /** Order of deletions: deletedAt, then id. */
    public static final Comparator<Deletion> DELETION_ORDER =
            Comparator.comparing(Deletion::deletedAt).thenComparing(Deletion::id);

    /** @return the number of departments of all companies */
    public int departmentCount() {
        return departments.values().stream().mapToInt(List::size).sum();
    }
}
