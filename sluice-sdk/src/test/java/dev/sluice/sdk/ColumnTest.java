package dev.sluice.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnTest {

    @Test
    void ofHasANameAndATypeWithoutPrecision() {
        Column column = Column.of("status", DataType.STRING);

        assertThat(column.name()).isEqualTo("status");
        assertThat(column.type()).isEqualTo(DataType.STRING);
        assertThat(column.precision()).isZero();
        assertThat(column.scale()).isZero();
        assertThat(column).hasToString("status STRING");
    }

    @Test
    void ofAcceptsEveryTypeButDecimal() {
        for (DataType type : DataType.values()) {
            if (type == DataType.DECIMAL) {
                assertThatThrownBy(() -> Column.of("price", type))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'price'")
                        .hasMessageContaining("decimalColumn(name, precision, scale)");
            } else {
                assertThat(Column.of("c", type).type()).isEqualTo(type);
            }
        }
    }

    @Test
    void ofRejectsAnEmptyNameAndAMissingType() {
        assertThatThrownBy(() -> Column.of("", DataType.INT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column name is empty");
        assertThatThrownBy(() -> Column.of(null, DataType.INT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column name is empty");
        assertThatThrownBy(() -> Column.of("a", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a' has no type");
    }

    @Test
    void decimalCarriesPrecisionAndScale() {
        Column column = Column.decimal("price", 12, 2);

        assertThat(column.type()).isEqualTo(DataType.DECIMAL);
        assertThat(column.precision()).isEqualTo(12);
        assertThat(column.scale()).isEqualTo(2);
        assertThat(column).hasToString("price DECIMAL(12,2)");
    }

    @Test
    void decimalBoundsAreInclusive() {
        assertThat(Column.decimal("a", 1, 0).precision()).isEqualTo(1);
        assertThat(Column.decimal("a", Column.MAX_PRECISION, Column.MAX_SCALE).scale())
                .isEqualTo(37);
        assertThat(Column.MAX_PRECISION).isEqualTo(38);
        assertThat(Column.MAX_SCALE).isEqualTo(37);
    }

    @Test
    void decimalOutOfRangeNamesTheColumnAndTheRange() {
        assertThatThrownBy(() -> Column.decimal("p", 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'p'")
                .hasMessageContaining("precision 0")
                .hasMessageContaining("1 to 38");
        assertThatThrownBy(() -> Column.decimal("p", 39, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("precision 39");
        assertThatThrownBy(() -> Column.decimal("p", 10, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale -1")
                .hasMessageContaining("0 to 37");
        assertThatThrownBy(() -> Column.decimal("p", 38, 38))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale 38");
        assertThatThrownBy(() -> Column.decimal("p", 3, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'p'")
                .hasMessageContaining("scale 4 exceeds its precision 3");
        assertThatThrownBy(() -> Column.decimal(" ", 3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column name is empty");
    }

    @Test
    void equalityCoversEveryField() {
        assertThat(Column.decimal("p", 12, 2))
                .isEqualTo(Column.decimal("p", 12, 2))
                .hasSameHashCodeAs(Column.decimal("p", 12, 2))
                .isNotEqualTo(Column.decimal("p", 12, 3))
                .isNotEqualTo(Column.decimal("p", 13, 2))
                .isNotEqualTo(Column.decimal("q", 12, 2));
        assertThat(Column.of("a", DataType.INT))
                .isEqualTo(Column.of("a", DataType.INT))
                .isNotEqualTo(Column.of("a", DataType.LONG))
                .isNotEqualTo("a INT");
    }
}
