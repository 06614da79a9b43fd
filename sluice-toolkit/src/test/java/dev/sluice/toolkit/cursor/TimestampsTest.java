package dev.sluice.toolkit.cursor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void theUtcFastPathReadsWhatTheGeneralParserReads() {
        for (String text : new String[] {
            "2025-01-01T00:00:00Z",
            "2024-02-29T23:59:59.9Z",
            "2024-03-04T05:06:07.12Z",
            "1970-01-01T00:00:00.000Z",
            "2025-06-30T12:34:56.789Z",
            "2025-06-30T12:34:56.789123Z",
            "2025-06-30T12:34:56.123456789Z",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z"
        }) {
            assertThat(Timestamps.parseUtc(text))
                    .as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant());
            assertThat(Timestamps.toInstant(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void otherFormsAreLeftToTheGeneralParser() {
        for (String text : new String[] {
            "2025-01-01T00:00:00+02:00",
            "2025-01-01T00:00:00",
            "2025-01-01",
            "2025-01-01T00:00Z",
            "2025-01-01T00:00:00.Z",
            "2025-01-01T00:00:00.1234567890Z",
            "2025-01-01 00:00:00Z",
            "2025-1-01T00:00:00.00Z",
            "2025-01-01T00:00:0xZ",
            "2025-02-30T00:00:00Z",
            "2025-01-01T24:00:00Z"
        }) {
            assertThat(Timestamps.parseUtc(text)).as(text).isNull();
        }
        assertThat(Timestamps.toInstant("2025-01-01T02:00:00+02:00")).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(Timestamps.toInstant("2025-01-01T00:00:00")).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(Timestamps.toInstant("2025-01-02")).isEqualTo(Instant.parse("2025-01-02T00:00:00Z"));
        assertThatThrownBy(() -> Timestamps.toInstant("2025-02-30T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2025-02-30T00:00:00Z'");
    }
}
