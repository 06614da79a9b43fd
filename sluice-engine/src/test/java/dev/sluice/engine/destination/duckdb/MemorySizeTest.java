package dev.sluice.engine.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemorySizeTest {

    @Test
    void readsTheSizesDuckDbPrints() {
        assertThat(MemorySize.parse("305.1 MiB")).isEqualTo(Math.round(305.1 * (1 << 20)));
        assertThat(MemorySize.parse("1.0 GiB")).isEqualTo(1L << 30);
        assertThat(MemorySize.parse("512 bytes")).isEqualTo(512);
        assertThat(MemorySize.parse("320MB")).isEqualTo(320_000_000L);
        assertThat(MemorySize.parse("2 KiB")).isEqualTo(2048);
        assertThat(MemorySize.parse("1TB")).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void refusesWhatIsNotASizeNamingIt() {
        assertThatThrownBy(() -> MemorySize.parse("lots")).hasMessageContaining("'lots'");
        assertThatThrownBy(() -> MemorySize.parse("3 parsecs")).hasMessageContaining("unknown unit");
    }

    @Test
    void theWarehouseReportsTheLimitItWasOpenedWith(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (DuckDbDatabase warehouse = DuckDbDatabase.open(new DuckDbInstances("96MB"), dir.resolve("w.db"))) {
            assertThat(warehouse.memoryLimitBytes()).isBetween(90L << 20, 96_000_000L);
            assertThat(warehouse.heldMemoryBytes()).isBetween(0L, 96_000_000L);
        }
    }
}
