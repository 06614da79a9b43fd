package dev.sluice.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataTypeTest {

    @Test
    void hasTheFourteenFivetranTypes() {
        assertThat(DataType.values())
                .extracting(Enum::name)
                .containsExactly(
                        "BOOLEAN",
                        "SHORT",
                        "INT",
                        "LONG",
                        "DECIMAL",
                        "FLOAT",
                        "DOUBLE",
                        "NAIVE_DATE",
                        "NAIVE_DATETIME",
                        "UTC_DATETIME",
                        "BINARY",
                        "XML",
                        "STRING",
                        "JSON");
    }

    @Test
    void fromNameIgnoresCaseAndSurroundingSpace() {
        assertThat(DataType.fromName("string")).isEqualTo(DataType.STRING);
        assertThat(DataType.fromName("Utc_DateTime")).isEqualTo(DataType.UTC_DATETIME);
        assertThat(DataType.fromName(" json ")).isEqualTo(DataType.JSON);
        for (DataType type : DataType.values()) {
            assertThat(DataType.fromName(type.name().toLowerCase(java.util.Locale.ROOT)))
                    .isEqualTo(type);
        }
    }

    @Test
    void anUnknownNameListsTheFourteenNames() {
        assertThatThrownBy(() -> DataType.fromName("varchar"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'varchar'")
                .hasMessageContaining("BOOLEAN, SHORT, INT, LONG, DECIMAL, FLOAT, DOUBLE, NAIVE_DATE, NAIVE_DATETIME,"
                        + " UTC_DATETIME, BINARY, XML, STRING, JSON");
        assertThatThrownBy(() -> DataType.fromName(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown data type");
        assertThatThrownBy(() -> DataType.fromName(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown data type ''");
    }
}
