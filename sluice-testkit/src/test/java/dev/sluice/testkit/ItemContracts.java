package dev.sluice.testkit;

import dev.sluice.sdk.Connector;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.LongStream;

/**
 * The contract of an item connector: 25 items in pages of 5, then 7 more. One subclass per
 * connector of {@link ItemConnectors}; run by {@link ConnectorContractTestTest} through the JUnit
 * launcher, never by the build itself (Surefire skips nested classes).
 */
final class ItemContracts {

    static final int FIRST_ITEMS = 25;
    static final int ADDED_ITEMS = 7;

    private ItemContracts() {}

    abstract static class ItemContract extends ConnectorContractTest {
        private final ItemSource source = new ItemSource(FIRST_ITEMS);
        private final Function<ItemSource, Connector> connector;

        ItemContract(Function<ItemSource, Connector> connector) {
            this.connector = connector;
        }

        @Override
        protected ConnectorTester newTester() {
            return ConnectorTester.of(() -> connector.apply(source));
        }

        @Override
        protected ExpectedSync firstSync() {
            return ExpectedSync.expect()
                    .checkpoints(FIRST_ITEMS / ItemConnectors.PAGE_SIZE)
                    .operations(OperationCounts.onlyUpserts(FIRST_ITEMS))
                    .keys("items", "id", ids(1, FIRST_ITEMS))
                    .rows(
                            "items",
                            "id",
                            source.all().stream()
                                    .map(item -> Map.<String, Object>of("id", item.id(), "name", item.name()))
                                    .toList());
        }

        @Override
        protected void changeSource() {
            source.add(ADDED_ITEMS);
        }

        @Override
        protected ExpectedSync secondSync() {
            return ExpectedSync.expect()
                    .operations(OperationCounts.onlyUpserts(ADDED_ITEMS))
                    .written("items", "id", ids(FIRST_ITEMS + 1, FIRST_ITEMS + ADDED_ITEMS))
                    .keys("items", "id", ids(1, FIRST_ITEMS + ADDED_ITEMS));
        }

        @Override
        protected ResumeCheckOptions resumeCheckOptions(ResumeCheckOptions options) {
            return options.keepFailedProjects(false);
        }

        private static List<Long> ids(long first, long last) {
            return LongStream.rangeClosed(first, last).boxed().toList();
        }
    }

    static final class Incremental extends ItemContract {
        Incremental() {
            super(ItemConnectors.Incremental::new);
        }
    }

    static final class WrongNames extends ItemContract {
        WrongNames() {
            super(ItemConnectors.WrongNames::new);
        }
    }

    static final class NeverCheckpoints extends ItemContract {
        NeverCheckpoints() {
            super(ItemConnectors.NeverCheckpoints::new);
        }
    }

    static final class ResendsEverything extends ItemContract {
        ResendsEverything() {
            super(ItemConnectors.ResendsEverything::new);
        }
    }

    static final class DuplicatesOnResume extends ItemContract {
        DuplicatesOnResume() {
            super(ItemConnectors.DuplicatesOnResume::new);
        }
    }
}
