package dev.sluice.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class TemplateCatalogTest {

    @Test
    void theBuildBundlesTheExamplesAndTheWrapper() {
        try (TemplateCatalog catalog = TemplateCatalog.bundled()) {
            assertThat(catalog.names()).contains("hello", "quickstart").doesNotContain(TemplateCatalog.WRAPPER);
            assertThat(catalog.template("hello").resolve("pom.xml")).isRegularFile();
            assertThat(catalog.template("hello").resolve("target")).doesNotExist();
            assertThat(Files.isRegularFile(catalog.wrapper().resolve("mvnw"))).isTrue();
            assertThat(catalog.wrapper().resolve(".mvn/wrapper/maven-wrapper.properties")).isRegularFile();
        }
    }

    @Test
    void everyKnownTemplateIsDescribed() {
        assertThat(TemplateCatalog.describe(java.util.List.of("hello", "quickstart")))
                .startsWith("hello (the smallest connector").contains("quickstart (");
        assertThat(TemplateCatalog.describe(java.util.List.of())).isEqualTo("none in this build");
    }
}
