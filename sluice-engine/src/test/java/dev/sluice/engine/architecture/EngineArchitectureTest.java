package dev.sluice.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's layering, checked on its compiled classes: the core knows no database, the
 * destination SPI knows no implementation of itself, and no two packages depend on each other.
 */
class EngineArchitectureTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sluice.engine");
    }

    @Test
    void theCoreImportsNoDestinationNorDatabaseDriver() {
        noClasses()
                .that()
                .resideInAPackage("dev.sluice.engine.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.sluice.engine.destination.duckdb..",
                        "dev.sluice.engine.destination.postgres..",
                        "org.duckdb..",
                        "org.postgresql..",
                        "java.sql..")
                .because("the engine applies operations through the destination interface only")
                .check(engine);
    }

    @Test
    void theDestinationInterfaceKnowsNoImplementationNorTheCore() {
        noClasses()
                .that()
                .resideInAPackage("dev.sluice.engine.destination")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.sluice.engine.destination.duckdb..",
                        "dev.sluice.engine.destination.postgres..",
                        "dev.sluice.engine.core..",
                        "dev.sluice.engine.runtime..",
                        "org.duckdb..",
                        "org.postgresql..",
                        "java.sql..")
                .check(engine);
    }

    @Test
    void onlyTheRuntimeChoosesADestination() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "dev.sluice.engine.destination.duckdb..",
                        "dev.sluice.engine.destination.postgres..",
                        "dev.sluice.engine.runtime..",
                        "dev.sluice.engine.warehouse..",
                        "dev.sluice.engine.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.sluice.engine.destination.duckdb..", "dev.sluice.engine.destination.postgres..")
                .check(engine);
    }

    @Test
    void thePublicApiTypesDependOnNoInternals() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.sluice.engine",
                        "dev.sluice.engine.values..",
                        "dev.sluice.engine.naming..",
                        "dev.sluice.engine.schema..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.sluice.engine.core..",
                        "dev.sluice.engine.runtime..",
                        "dev.sluice.engine.destination.duckdb..",
                        "dev.sluice.engine.destination.postgres..")
                .check(engine);
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(engine);
    }

    /** Each package is a slice of its own, the root package included. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "every package of the engine";
        }
    };
}
