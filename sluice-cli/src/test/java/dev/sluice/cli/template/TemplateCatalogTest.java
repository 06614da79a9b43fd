package dev.sluice.cli.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            assertThat(catalog.wrapper().resolve(".mvn/wrapper/maven-wrapper.properties"))
                    .isRegularFile();
        }
    }

    @Test
    void everyBundledTemplateDescribesItselfInItsPom() {
        try (TemplateCatalog catalog = TemplateCatalog.bundled()) {
            assertThat(catalog.descriptions()).containsOnlyKeys(catalog.names().toArray(String[]::new));
            assertThat(catalog.descriptions())
                    .allSatisfy((name, description) -> assertThat(description)
                            .as("<description> of examples/%s/pom.xml", name)
                            .isNotBlank());
            assertThat(catalog.description("hello")).startsWith("The smallest connector");
        }
    }

    @Test
    void anUnknownTemplateIsNamedWithTheKnownOnes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Files.createDirectories(dir.resolve("alpha"));
        Files.writeString(
                dir.resolve("alpha/pom.xml"), "<project><description>\n  First   one\n</description></project>");
        try (TemplateCatalog catalog = TemplateCatalog.at(dir)) {
            assertThat(catalog.description("alpha")).isEqualTo("First one");
            assertThatThrownBy(() -> catalog.template("beta"))
                    .hasMessageContaining("Unknown template 'beta'")
                    .hasMessageContaining("alpha")
                    .hasMessageContaining("sluice init --list");
        }
    }
}
