package dev.sluice.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MavenNamesTest {

    @Test
    void artifactIdsAreMavenSafe() {
        assertThat(MavenNames.artifactId("my-connector")).isEqualTo("my-connector");
        assertThat(MavenNames.artifactId("My Shop (v2)")).isEqualTo("my-shop-v2");
        assertThat(MavenNames.artifactId("..weird..")).isEqualTo("weird");
        assertThat(MavenNames.artifactId("äöü")).isEqualTo("connector");
    }

    @Test
    void rewritesTheRelativePathAndTheProjectsOwnCoordinatesAndName() {
        String pom = "<project><parent><groupId>dev.sluice</groupId><artifactId>sluice-connector-parent</artifactId>"
                + "<relativePath>../../sluice-connector-parent/pom.xml</relativePath></parent>"
                + "<groupId>dev.sluice.examples</groupId><artifactId>hello</artifactId><name>Sluice example</name>"
                + "<dependencies><dependency><groupId>x</groupId><artifactId>hello</artifactId>"
                + "</dependency></dependencies></project>";
        assertThat(MavenNames.rewritePom(pom, ProjectIdentity.of("Mine & Co", "com.acme.mine")))
                .isEqualTo("<project><parent><groupId>dev.sluice</groupId>"
                        + "<artifactId>sluice-connector-parent</artifactId><relativePath/></parent>"
                        + "<groupId>com.acme</groupId><artifactId>mine-co</artifactId><name>Mine &amp; Co</name>"
                        + "<dependencies><dependency><groupId>x</groupId><artifactId>hello</artifactId>"
                        + "</dependency></dependencies></project>");
    }

    @Test
    void identitiesAreMadeFromTheFolderName() {
        assertThat(ProjectIdentity.of("my-connector", null))
                .isEqualTo(new ProjectIdentity(
                        "my-connector", "my-connector", "com.example", "com.example.myconnector", "MyConnector"));
        assertThat(ProjectIdentity.of("shop", null).className()).isEqualTo("ShopConnector");
        assertThat(ProjectIdentity.of("2fast", null).packageName()).isEqualTo("com.example.c2fast");
        assertThat(ProjectIdentity.of("2fast", null).className()).isEqualTo("C2fastConnector");
        assertThat(ProjectIdentity.of("new", null).packageName()).isEqualTo("com.example.cnew");
        assertThat(ProjectIdentity.of("billing", "acme").groupId()).isEqualTo("acme");
    }
}
