package dev.sluice.playground.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The playground's data: users, companies with departments and a deletes feed, generated from a
 * seed and changed in deterministic steps. The same seed, user count and number of steps always
 * give the same {@link Snapshot}.
 *
 * <p>Every step moves the simulated clock forward by {@link #STEP}, adds users, updates some (new
 * name, job or email and a later updatedAt), deletes some (recorded in the deletes feed) and
 * changes one department (and so its company's updatedAt). No two timestamps of updatedAt or
 * deletedAt are equal, so a feed ordered by them has no ties.
 *
 * <p>Thread-safe: {@link #advance} is serialised; {@link #snapshot} returns the latest immutable
 * snapshot without locking.
 */
public final class Dataset {

    /** Simulated clock at the start, before any step. */
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    /** How far the simulated clock moves per step. */
    public static final Duration STEP = Duration.ofHours(1);

    private static final long YEAR_MS = Duration.ofDays(365).toMillis();
    private static final int COMPANIES = 20;

    private final Random random;
    private final FakeValues fake;
    private final int initialUsers;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final List<String> liveIds = new ArrayList<>();
    private final List<Company> companies = new ArrayList<>();
    private final List<Department> departments = new ArrayList<>();
    private final List<Deletion> deletions = new ArrayList<>();
    private final Set<Instant> usedInstants = new HashSet<>();
    private Instant clock = START;
    private long steps;
    private int serial;
    private volatile Snapshot snapshot;

    /**
     * @param seed the seed of all generated data
     * @param userCount users at the start, at least 1
     */
    public Dataset(long seed, int userCount) {
        if (userCount < 1) {
            throw new IllegalArgumentException("userCount must be at least 1, got " + userCount);
        }
        this.random = new Random(seed);
        this.fake = new FakeValues(random);
        this.initialUsers = userCount;
        createCompanies();
        for (int i = 0; i < userCount; i++) {
            Instant created = unique(START.minusMillis(1 + fake.below(YEAR_MS)));
            Instant updated = unique(created.plusMillis(
                    fake.below(Duration.between(created, START).toMillis())));
            addUser(newUser(created, updated));
        }
        publish();
    }

    /** @return the latest snapshot */
    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Applies change steps.
     *
     * @param count steps to apply, at least 0
     * @return the snapshot after them
     */
    public synchronized Snapshot advance(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, got " + count);
        }
        for (int i = 0; i < count; i++) {
            step();
        }
        publish();
        return snapshot;
    }

    private void step() {
        int adds = Math.max(1, initialUsers / 50);
        int updates = liveIds.isEmpty() ? 0 : Math.max(1, initialUsers / 40);
        int deletes = Math.max(1, initialUsers / 100);
        StepClock at = new StepClock(clock, adds + updates + deletes + 1);
        clock = clock.plus(STEP);
        steps++;
        for (int i = 0; i < adds; i++) {
            Instant created = at.next();
            addUser(newUser(created, created));
        }
        for (int i = 0; i < updates; i++) {
            User user = users.get(liveIds.get(random.nextInt(liveIds.size())));
            users.put(user.id(), changed(user, at.next()));
        }
        for (int i = 0; i < deletes && liveIds.size() > 1; i++) {
            String id = liveIds.remove(random.nextInt(liveIds.size()));
            users.remove(id);
            deletions.add(new Deletion(id, at.next()));
        }
        int index = random.nextInt(departments.size());
        Department department = departments.get(index);
        Instant changedAt = at.next();
        departments.set(
                index,
                new Department(
                        department.id(),
                        department.companyId(),
                        department.name(),
                        Math.max(1, department.headCount() + fake.between(-5, 8)),
                        changedAt));
        for (int c = 0; c < companies.size(); c++) {
            Company company = companies.get(c);
            if (company.id().equals(department.companyId())) {
                companies.set(
                        c,
                        new Company(company.id(), company.name(), company.industry(), company.createdAt(), changedAt));
            }
        }
    }

    /** Increasing, unique instants spread over one step: later events of a step never get earlier times. */
    private final class StepClock {
        private final long gapMillis;
        private Instant last;

        StepClock(Instant from, int events) {
            this.last = from;
            this.gapMillis = Math.max(1, (STEP.toMillis() - 1) / events);
        }

        Instant next() {
            last = unique(last.plusMillis(1 + fake.below(gapMillis)));
            return last;
        }
    }

    private User changed(User user, Instant at) {
        switch (random.nextInt(3)) {
            case 0: {
                String first = fake.firstName();
                String last = fake.lastName();
                return new User(
                        user.id(),
                        first + " " + last,
                        fake.email(first, last, ++serial),
                        user.address(),
                        user.company(),
                        user.job(),
                        user.createdAt(),
                        at);
            }
            case 1:
                return new User(
                        user.id(),
                        user.name(),
                        user.email(),
                        user.address(),
                        user.company(),
                        fake.job(),
                        user.createdAt(),
                        at);
            default: {
                String[] parts = user.name().split(" ", 2);
                return new User(
                        user.id(),
                        user.name(),
                        fake.email(parts[0], parts[1], ++serial),
                        user.address(),
                        user.company(),
                        user.job(),
                        user.createdAt(),
                        at);
            }
        }
    }

    private Instant unique(Instant candidate) {
        Instant instant = candidate;
        while (!usedInstants.add(instant)) {
            instant = instant.plusMillis(1);
        }
        return instant;
    }

    private void createCompanies() {
        for (int c = 0; c < COMPANIES; c++) {
            String id = fake.uuid();
            Instant created = unique(START.minusMillis(YEAR_MS + 1 + fake.below(YEAR_MS)));
            Instant latest = created;
            for (String name : fake.departmentNames(fake.between(2, 6))) {
                Instant updated = unique(created.plusMillis(
                        fake.below(Duration.between(created, START).toMillis())));
                departments.add(new Department(fake.uuid(), id, name, fake.between(3, 120), updated));
                latest = updated.isAfter(latest) ? updated : latest;
            }
            companies.add(new Company(id, fake.companyName(c), fake.industry(), created, latest));
        }
    }

    private User newUser(Instant created, Instant updated) {
        String first = fake.firstName();
        String last = fake.lastName();
        return new User(
                fake.uuid(),
                first + " " + last,
                fake.email(first, last, ++serial),
                fake.address(),
                companies.get(random.nextInt(companies.size())).name(),
                fake.job(),
                created,
                updated);
    }

    private void addUser(User user) {
        users.put(user.id(), user);
        liveIds.add(user.id());
    }

    private void publish() {
        List<User> sortedUsers = new ArrayList<>(users.values());
        sortedUsers.sort(Snapshot.USER_ORDER);
        List<Company> sortedCompanies = new ArrayList<>(companies);
        sortedCompanies.sort(Snapshot.COMPANY_ORDER);
        Map<String, List<Department>> byCompany = new LinkedHashMap<>();
        for (Company company : companies) {
            byCompany.put(
                    company.id(),
                    departments.stream()
                            .filter(d -> d.companyId().equals(company.id()))
                            .sorted(Snapshot.DEPARTMENT_ORDER)
                            .toList());
        }
        List<Deletion> sortedDeletions = new ArrayList<>(deletions);
        sortedDeletions.sort(Snapshot.DELETION_ORDER);
        snapshot = new Snapshot(
                steps,
                clock,
                List.copyOf(sortedUsers),
                List.copyOf(sortedCompanies),
                Map.copyOf(byCompany),
                List.copyOf(sortedDeletions));
    }
}
