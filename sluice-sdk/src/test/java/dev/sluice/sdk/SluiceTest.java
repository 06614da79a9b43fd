package dev.sluice.sdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SluiceTest {

    @Test
    void debugWithoutAnEngineOnTheClasspathSaysWhatToAdd() {
        Connector connector = (configuration, state, operations) -> {
            throw new AssertionError("must not run without an engine");
        };

        assertThatThrownBy(() -> Sluice.debug(connector))
                .isExactlyInstanceOf(SyncException.class)
                .hasMessageContaining("engine is not on the classpath")
                .hasMessageContaining("dev.sluice:sluice-engine")
                .hasMessageContaining("provided")
                .hasMessageContaining("sluice debug");
        assertThatThrownBy(() -> Sluice.debug(connector, "some/project", "--state", "s.json"))
                .isExactlyInstanceOf(SyncException.class)
                .hasMessageContaining("engine is not on the classpath");
    }
}
