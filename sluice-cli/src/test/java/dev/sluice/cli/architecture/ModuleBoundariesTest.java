package dev.sluice.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The modules' boundaries, checked on the compiled classes of every Sluice module the CLI bundles:
 * outside the engine, code uses only the engine's public packages, and the SDK depends on nothing
 * of Sluice's.
 */
class ModuleBoundariesTest {

    /** Engine packages other modules must not use. */
    private static final String[] ENGINE_INTERNALS = {
        "dev.sluice.engine.core..", "dev.sluice.engine.schema..", "dev.sluice.engine.destination..",
    };

    private static JavaClasses sluice;

    @BeforeAll
    static void importModules() {
        sluice = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.sluice");
    }

    @Test
    void everyModuleIsImported() {
        assertThat(sluice.containPackage("dev.sluice.engine.core")).isTrue();
        assertThat(sluice.containPackage("dev.sluice.protocol.drive")).isTrue();
        assertThat(sluice.containPackage("dev.sluice.toolkit.http")).isTrue();
        assertThat(sluice.containPackage("dev.sluice.cli.command")).isTrue();
        assertThat(sluice.containPackage("dev.sluice.server.internal.http")).isTrue();
    }

    @Test
    void otherModulesUseOnlyTheServersPublicPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.sluice.server..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.sluice.server.internal..")
                .because("the server's internals change without notice; SluiceServer and ServerOptions are its API")
                .check(sluice);
    }

    @Test
    void otherModulesUseOnlyTheEnginesPublicPackages() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.sluice.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ENGINE_INTERNALS)
                .because("the engine's core, schema model and destinations may change behind its public API")
                .check(sluice);
    }

    @Test
    void theSdkDependsOnNothingOfSluice() {
        noClasses()
                .that()
                .resideInAPackage("dev.sluice.sdk..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.sluice.engine..",
                        "dev.sluice.cli..",
                        "dev.sluice.protocol..",
                        "dev.sluice.toolkit..",
                        "dev.sluice.playground..")
                .check(sluice);
    }

    @Test
    void theToolkitAndPlaygroundStandAloneFromTheEngine() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.sluice.toolkit..", "dev.sluice.playground..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.sluice.engine..", "dev.sluice.cli..", "dev.sluice.protocol..")
                .check(sluice);
    }
}
