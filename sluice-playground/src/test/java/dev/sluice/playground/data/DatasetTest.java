package dev.sluice.playground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void theSameSeedGivesTheSameSnapshotsStepByStep() {
        Dataset one = new Dataset(99, 150);
        Dataset two = new Dataset(99, 150);

        assertThat(one.snapshot()).isEqualTo(two.snapshot());
        one.advance(2);
        one.advance(5);
        assertThat(two.advance(7)).isEqualTo(one.snapshot());
        assertThat(new Dataset(100, 150).snapshot().users())
                .isNotEqualTo(new Dataset(99, 150).snapshot().users());
    }

    @Test
    void timestampsAreUniqueOrderedAndNeverAfterTheClock() {
        Snapshot snapshot = new Dataset(5, 300).advance(40);
        List<Instant> stamps = new ArrayList<>();
        snapshot.users().forEach(user -> {
            assertThat(user.updatedAt()).isAfterOrEqualTo(user.createdAt()).isBeforeOrEqualTo(snapshot.clock());
            stamps.add(user.updatedAt());
        });
        snapshot.deletions().forEach(deletion -> stamps.add(deletion.deletedAt()));

        assertThat(stamps).doesNotHaveDuplicates();
        assertThat(snapshot.users()).isSortedAccordingTo(Snapshot.USER_ORDER);
        assertThat(snapshot.deletions()).isSortedAccordingTo(Snapshot.DELETION_ORDER);
        assertThat(snapshot.clock()).isEqualTo(Dataset.START.plus(Dataset.STEP.multipliedBy(40)));
    }

    @Test
    void eachStepAddsUpdatesAndDeletes() {
        Dataset dataset = new Dataset(1, 200);
        Snapshot before = dataset.snapshot();

        Snapshot after = dataset.advance(1);

        assertThat(after.steps()).isEqualTo(1);
        assertThat(after.users()).hasSize(200 + 4 - 2);
        assertThat(after.deletions()).hasSize(2);
        long changed = after.users().stream()
                .filter(user -> user.updatedAt().isAfter(before.clock()))
                .count();
        assertThat(changed).isGreaterThanOrEqualTo(4).isLessThanOrEqualTo(4 + 5);
    }

    @Test
    void companiesHaveTwoToSixDepartments() {
        Snapshot snapshot = new Dataset(3, 10).snapshot();

        assertThat(snapshot.companies()).hasSize(20);
        assertThat(snapshot.departments().values())
                .allSatisfy(list -> assertThat(list).hasSizeBetween(2, 6));
        assertThat(snapshot.users())
                .allSatisfy(user -> assertThat(snapshot.companies())
                        .anySatisfy(company -> assertThat(company.name()).isEqualTo(user.company())));
    }

    @Test
    void refusesNoUsersAndNegativeSteps() {
        assertThatThrownBy(() -> new Dataset(1, 0)).hasMessageContaining("userCount");
        assertThatThrownBy(() -> new Dataset(1, 1).advance(-1)).hasMessageContaining("count");
    }
}
