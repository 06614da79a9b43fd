package dev.sluice.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.CliRun;
import dev.sluice.cli.template.TemplateCatalog;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path tmp;

    private static Path fixtures() {
        try {
            return Path.of(
                    InitCommandTest.class.getResource("/fixture-templates").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CliRun init(String... args) {
        return CliRun.command(new InitCommand(() -> TemplateCatalog.at(fixtures())), args);
    }

    @Test
    void writesTheTemplateAsAStandaloneProjectNamedAfterTheFolder() throws Exception {
        Path target = tmp.resolve("My Shop_Connector");

        CliRun run = init(target.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path source = target.resolve("src/main/java/com/example/myshopconnector/MyShopConnector.java");
        assertThat(source).content().contains("package com.example.myshopconnector;", "public class MyShopConnector");
        assertThat(target.resolve("src/main/java/com/example/hello")).doesNotExist();
        assertThat(target.resolve("src/main/resources/META-INF/services/dev.sluice.sdk.Connector"))
                .content()
                .isEqualToIgnoringWhitespace("com.example.myshopconnector.MyShopConnector");
        assertThat(target.resolve("configuration.json")).isRegularFile();
        assertThat(target.resolve(".gitignore")).content().contains("target/", "files/");
        String pom = Files.readString(target.resolve("pom.xml"));
        assertThat(pom)
                .contains("<relativePath/>")
                .doesNotContain("../../sluice-connector-parent")
                .contains("<artifactId>sluice-connector-parent</artifactId>")
                .contains("<groupId>com.example</groupId>\n  <artifactId>my-shop_connector</artifactId>")
                .contains("<name>My Shop_Connector</name>")
                .doesNotContain("<artifactId>hello</artifactId>", "Hello connector")
                .contains("<artifactId>not-the-project</artifactId>");
        assertThat(run.out())
                .contains(
                        "Created connector project 'my-shop_connector' in " + target,
                        "com.example.myshopconnector.MyShopConnector",
                        "com.example:my-shop_connector",
                        "cd '" + target + "'",
                        "sluice debug",
                        "./mvnw verify");
    }

    @Test
    void nameAndPackageOptionsNameTheProject() throws Exception {
        Path target = tmp.resolve("conn");

        CliRun run = init(target.toString(), "--name", "acme-billing", "--package", "com.acme.billing");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(target.resolve("src/main/java/com/acme/billing/AcmeBillingConnector.java"))
                .content()
                .contains("package com.acme.billing;", "class AcmeBillingConnector");
        assertThat(target.resolve("src/main/resources/META-INF/services/dev.sluice.sdk.Connector"))
                .content()
                .isEqualToIgnoringWhitespace("com.acme.billing.AcmeBillingConnector");
        assertThat(target.resolve("pom.xml"))
                .content()
                .contains(
                        "<groupId>com.acme</groupId>",
                        "<artifactId>acme-billing</artifactId>",
                        "<name>acme-billing</name>");
    }

    @Test
    void theReadmeNamesTheProjectAndItsCommandsWorkInItsFolder() throws Exception {
        Path target = tmp.resolve("shop");

        assertThat(init(target.toString()).exitCode()).isZero();

        String readme = Files.readString(target.resolve("README.md"));
        assertThat(readme)
                .startsWith("# shop\n")
                .contains("`ShopConnector` says hello.", "In this folder:")
                .contains("sluice debug             # one local sync into files/warehouse.db")
                .contains("./mvnw -q verify       # the tests")
                .contains("./mvnw -q verify # the tests again")
                .contains("./mvnw verify   # its tests\n")
                .doesNotContain("examples/", "repository root", "-pl ", "../../", "./sluice", "HelloConnector");
    }

    @Test
    void aPackageThatIsNotJavaIsRefusedBeforeWritingAnything() {
        CliRun run = init(tmp.resolve("z").toString(), "--package", "com.Acme.class");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--package 'com.Acme.class' is not a Java package name", "com.acme.shop");
        assertThat(tmp.resolve("z")).doesNotExist();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void addsAnExecutableMavenWrapper() {
        Path target = tmp.resolve("conn");

        assertThat(init(target.toString()).exitCode()).isZero();

        assertThat(target.resolve("mvnw")).isRegularFile().isExecutable();
        assertThat(target.resolve("mvnw.cmd")).isRegularFile();
        assertThat(target.resolve(".mvn/wrapper/maven-wrapper.properties")).isRegularFile();
    }

    @Test
    void acceptsAFolderWithOnlyDotFiles() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("dotted"));
        Files.createDirectories(target.resolve(".git"));
        Files.writeString(target.resolve(".gitignore"), "mine\n");

        CliRun run = init(target.toString(), "--template", "hello");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(target.resolve(".gitignore")).hasContent("mine");
        assertThat(target.resolve("pom.xml")).isRegularFile();
    }

    @Test
    void refusesANonEmptyFolderAndWritesNothing() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(target.resolve("notes.txt"), "keep me");

        CliRun run = init(target.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Error: " + target + " is not empty (it holds notes.txt)");
        try (var files = Files.list(target)) {
            assertThat(files).containsExactly(target.resolve("notes.txt"));
        }
    }

    @Test
    void anUnknownTemplateListsTheTemplates() {
        CliRun run = init(tmp.resolve("x").toString(), "--template", "nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Unknown template 'nope'. Templates: hello.", "sluice init --list");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void aMistypedTemplateGetsADidYouMean() {
        CliRun run = init(tmp.resolve("x").toString(), "--template", "helo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Unknown template 'helo'. Did you mean 'hello'? Templates: hello.");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void listShowsEveryTemplateWithItsDescriptionAndCreatesNothing() {
        CliRun run = init(tmp.resolve("y").toString(), "--list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Templates (sluice init DIR --template NAME):")
                .containsPattern("(?m)^  hello   A fixture template that says hello\\. \\(default\\)$");
        assertThat(tmp.resolve("y")).doesNotExist();
    }
}
