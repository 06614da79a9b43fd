package dev.sluice.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled template becomes a project of its own: nothing of the example's names is left. */
class ProjectGeneratorTest {

    @TempDir
    Path tmp;

    static List<String> templates() {
        try (TemplateCatalog catalog = TemplateCatalog.bundled()) {
            return catalog.names();
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void aProjectMadeFromTheTemplateHasItsOwnNamesAndCommands(String template) throws IOException {
        Path target = tmp.resolve("acme-orders");
        try (TemplateCatalog catalog = TemplateCatalog.bundled()) {
            new ProjectGenerator(catalog).generate(template, target, ProjectIdentity.of("acme-orders", null));
        }

        assertThat(target.resolve("src/main/resources/META-INF/services/dev.sluice.sdk.Connector"))
                .content()
                .isEqualToIgnoringWhitespace("com.example.acmeorders.AcmeOrdersConnector");
        assertThat(target.resolve("src/main/java/com/example/acmeorders/AcmeOrdersConnector.java"))
                .content()
                .contains("package com.example.acmeorders;", "class AcmeOrdersConnector ");
        assertThat(target.resolve("pom.xml"))
                .content()
                .contains("<groupId>com.example</groupId>", "<artifactId>acme-orders</artifactId>")
                .contains("<name>acme-orders</name>")
                .doesNotContain("dev.sluice.examples", "Sluice example");
        try (Stream<Path> files = Files.walk(target)) {
            List<Path> texts = files.filter(Files::isRegularFile)
                    .filter(f -> TemplateRewriter.isText(target.relativize(f).toString()))
                    .collect(Collectors.toList());
            for (Path file : texts) {
                assertThat(file).content().doesNotContain("dev.sluice.examples", "dev/sluice/examples");
            }
        }
        assertThat(target.resolve("README.md"))
                .content()
                .startsWith("# acme-orders\n")
                .doesNotContain("examples/" + template, "repository root", "-pl examples", "../../mvnw", "./sluice ");
    }
}
