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
    void rewritesOnlyTheRelativePathAndTheProjectsOwnArtifactId() {
        String pom = "<project><parent><groupId>dev.sluice</groupId><artifactId>sluice-connector-parent</artifactId>"
                + "<relativePath>../../sluice-connector-parent/pom.xml</relativePath></parent>"
                + "<artifactId>hello</artifactId><dependencies><dependency><artifactId>hello</artifactId>"
                + "</dependency></dependencies></project>";
        assertThat(MavenNames.rewritePom(pom, "mine"))
                .isEqualTo("<project><parent><groupId>dev.sluice</groupId>"
                        + "<artifactId>sluice-connector-parent</artifactId><relativePath/></parent>"
                        + "<artifactId>mine</artifactId><dependencies><dependency><artifactId>hello</artifactId>"
                        + "</dependency></dependencies></project>");
    }
}
