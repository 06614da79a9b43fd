package dev.sluice.engine.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypeInferenceTest {

    record Point(int x, int y) {}

    enum Colour {
        RED
    }

    @Test
    void javaValuesMapToTheirTypes() {
        assertThat(TypeInference.infer(true)).isEqualTo(ColumnType.BOOLEAN);
        assertThat(TypeInference.infer((byte) 1)).isEqualTo(ColumnType.SHORT);
        assertThat(TypeInference.infer((short) 1)).isEqualTo(ColumnType.SHORT);
        assertThat(TypeInference.infer(1)).isEqualTo(ColumnType.INT);
        assertThat(TypeInference.infer(1L)).isEqualTo(ColumnType.LONG);
        assertThat(TypeInference.infer(1f)).isEqualTo(ColumnType.FLOAT);
        assertThat(TypeInference.infer(1d)).isEqualTo(ColumnType.DOUBLE);
        assertThat(TypeInference.infer(Double.NaN)).isEqualTo(ColumnType.DOUBLE);
        assertThat(TypeInference.infer("2024-01-01"))
                .as("strings are never parsed")
                .isEqualTo(ColumnType.STRING);
        assertThat(TypeInference.infer("42")).isEqualTo(ColumnType.STRING);
        assertThat(TypeInference.infer(LocalDate.EPOCH)).isEqualTo(ColumnType.NAIVE_DATE);
        assertThat(TypeInference.infer(LocalDateTime.now())).isEqualTo(ColumnType.NAIVE_DATETIME);
        assertThat(TypeInference.infer(Instant.now())).isEqualTo(ColumnType.UTC_DATETIME);
        assertThat(TypeInference.infer(OffsetDateTime.now())).isEqualTo(ColumnType.UTC_DATETIME);
        assertThat(TypeInference.infer(ZonedDateTime.now())).isEqualTo(ColumnType.UTC_DATETIME);
        assertThat(TypeInference.infer(new Date())).isEqualTo(ColumnType.UTC_DATETIME);
        assertThat(TypeInference.infer(new byte[] {1})).isEqualTo(ColumnType.BINARY);
        assertThat(TypeInference.infer(ByteBuffer.allocate(1))).isEqualTo(ColumnType.BINARY);
        assertThat(TypeInference.infer(Map.of())).isEqualTo(ColumnType.JSON);
        assertThat(TypeInference.infer(List.of(1))).isEqualTo(ColumnType.JSON);
        assertThat(TypeInference.infer(Set.of(1))).isEqualTo(ColumnType.JSON);
        assertThat(TypeInference.infer(new int[] {1})).isEqualTo(ColumnType.JSON);
        assertThat(TypeInference.infer(new Point(1, 2))).isEqualTo(ColumnType.JSON);
        assertThat(TypeInference.infer(UUID.randomUUID())).isEqualTo(ColumnType.STRING);
        assertThat(TypeInference.infer(Colour.RED)).isEqualTo(ColumnType.STRING);
        assertThat(TypeInference.infer(LocalTime.NOON)).isEqualTo(ColumnType.STRING);
    }

    @Test
    void decimalsGetTheNarrowestPrecisionAndScale() {
        assertThat(TypeInference.infer(new BigDecimal("12.345"))).isEqualTo(ColumnType.decimal(5, 3));
        assertThat(TypeInference.infer(new BigDecimal("0.001"))).isEqualTo(ColumnType.decimal(4, 3));
        assertThat(TypeInference.infer(new BigDecimal("1E+3"))).isEqualTo(ColumnType.decimal(4, 0));
        assertThat(TypeInference.infer(new BigDecimal("-7"))).isEqualTo(ColumnType.decimal(1, 0));
        assertThat(TypeInference.infer(new BigDecimal("1E-40"))).isEqualTo(ColumnType.STRING);
        assertThat(TypeInference.infer(new BigDecimal("1" + "0".repeat(40)))).isEqualTo(ColumnType.STRING);
    }

    @Test
    void bigIntegersAreLongsWhileTheyFit() {
        assertThat(TypeInference.infer(BigInteger.valueOf(Long.MAX_VALUE))).isEqualTo(ColumnType.LONG);
        assertThat(TypeInference.infer(BigInteger.valueOf(Long.MIN_VALUE))).isEqualTo(ColumnType.LONG);
        assertThat(TypeInference.infer(BigInteger.TWO.pow(64))).isEqualTo(ColumnType.decimal(20, 0));
        assertThat(TypeInference.infer(BigInteger.TEN.pow(40))).isEqualTo(ColumnType.STRING);
    }
}
