package dev.sluice.engine.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypeWideningTest {

    private static final List<ColumnType> ALL = List.of(
            ColumnType.BOOLEAN,
            ColumnType.SHORT,
            ColumnType.INT,
            ColumnType.LONG,
            ColumnType.decimal(5, 2),
            ColumnType.decimal(38, 0),
            ColumnType.decimal(20, 10),
            ColumnType.FLOAT,
            ColumnType.DOUBLE,
            ColumnType.NAIVE_DATE,
            ColumnType.NAIVE_DATETIME,
            ColumnType.UTC_DATETIME,
            ColumnType.BINARY,
            ColumnType.XML,
            ColumnType.STRING,
            ColumnType.JSON);

    @Test
    void integersWidenToTheWiderInteger() {
        assertThat(TypeWidening.widen(ColumnType.SHORT, ColumnType.INT)).isEqualTo(ColumnType.INT);
        assertThat(TypeWidening.widen(ColumnType.INT, ColumnType.LONG)).isEqualTo(ColumnType.LONG);
        assertThat(TypeWidening.widen(ColumnType.LONG, ColumnType.SHORT)).isEqualTo(ColumnType.LONG);
    }

    @Test
    void integersAndDecimalsMeetInADecimalThatHoldsBoth() {
        assertThat(TypeWidening.widen(ColumnType.INT, ColumnType.decimal(5, 2))).isEqualTo(ColumnType.decimal(12, 2));
        assertThat(TypeWidening.widen(ColumnType.LONG, ColumnType.decimal(2, 1)))
                .isEqualTo(ColumnType.decimal(20, 1));
        assertThat(TypeWidening.widen(ColumnType.decimal(5, 3), ColumnType.decimal(7, 1)))
                .isEqualTo(ColumnType.decimal(9, 3));
        assertThat(TypeWidening.widen(ColumnType.decimal(38, 0), ColumnType.decimal(5, 2)))
                .isEqualTo(ColumnType.STRING);
    }

    @Test
    void floatsMakeDoubles() {
        assertThat(TypeWidening.widen(ColumnType.FLOAT, ColumnType.FLOAT)).isEqualTo(ColumnType.FLOAT);
        assertThat(TypeWidening.widen(ColumnType.FLOAT, ColumnType.INT)).isEqualTo(ColumnType.DOUBLE);
        assertThat(TypeWidening.widen(ColumnType.decimal(5, 2), ColumnType.DOUBLE))
                .isEqualTo(ColumnType.DOUBLE);
        assertThat(TypeWidening.widen(ColumnType.FLOAT, ColumnType.DOUBLE)).isEqualTo(ColumnType.DOUBLE);
    }

    @Test
    void datesWidenToDateTimesAndNaiveToUtc() {
        assertThat(TypeWidening.widen(ColumnType.NAIVE_DATE, ColumnType.NAIVE_DATETIME))
                .isEqualTo(ColumnType.NAIVE_DATETIME);
        assertThat(TypeWidening.widen(ColumnType.NAIVE_DATETIME, ColumnType.UTC_DATETIME))
                .isEqualTo(ColumnType.UTC_DATETIME);
        assertThat(TypeWidening.widen(ColumnType.UTC_DATETIME, ColumnType.NAIVE_DATE))
                .isEqualTo(ColumnType.UTC_DATETIME);
    }

    @Test
    void everythingElseMeetsInString() {
        assertThat(TypeWidening.widen(ColumnType.BOOLEAN, ColumnType.INT)).isEqualTo(ColumnType.STRING);
        assertThat(TypeWidening.widen(ColumnType.JSON, ColumnType.STRING)).isEqualTo(ColumnType.STRING);
        assertThat(TypeWidening.widen(ColumnType.JSON, ColumnType.INT)).isEqualTo(ColumnType.STRING);
        assertThat(TypeWidening.widen(ColumnType.BINARY, ColumnType.STRING)).isEqualTo(ColumnType.STRING);
        assertThat(TypeWidening.widen(ColumnType.NAIVE_DATE, ColumnType.LONG)).isEqualTo(ColumnType.STRING);
        assertThat(TypeWidening.widen(ColumnType.XML, ColumnType.JSON)).isEqualTo(ColumnType.STRING);
    }

    @Test
    void wideningIsSymmetricIdempotentAndHoldsBothSides() {
        for (ColumnType a : ALL) {
            assertThat(TypeWidening.widen(a, a)).isEqualTo(a);
            assertThat(TypeWidening.holds(a, a)).isTrue();
            assertThat(TypeWidening.holds(ColumnType.STRING, a))
                    .as("STRING holds %s", a)
                    .isTrue();
            for (ColumnType b : ALL) {
                ColumnType w = TypeWidening.widen(a, b);
                assertThat(TypeWidening.widen(b, a)).as("%s, %s", a, b).isEqualTo(w);
                assertThat(TypeWidening.holds(w, a)).as("%s holds %s", w, a).isTrue();
                assertThat(TypeWidening.holds(w, b)).as("%s holds %s", w, b).isTrue();
                for (ColumnType c : ALL) {
                    if (List.of(a, b, c).contains(ColumnType.decimal(38, 0))) {
                        // DECIMAL(38,0) with a fraction overflows 38 digits to STRING, which a FLOAT
                        // seen first would have made DOUBLE: the only order-dependent widening
                        continue;
                    }
                    assertThat(TypeWidening.widen(TypeWidening.widen(a, b), c))
                            .as("(%s, %s), %s", a, b, c)
                            .isEqualTo(TypeWidening.widen(a, TypeWidening.widen(b, c)));
                }
            }
        }
    }

    @Test
    void holdsIsFalseForNarrowerColumns() {
        assertThat(TypeWidening.holds(ColumnType.INT, ColumnType.LONG)).isFalse();
        assertThat(TypeWidening.holds(ColumnType.decimal(5, 2), ColumnType.INT)).isFalse();
        assertThat(TypeWidening.holds(ColumnType.NAIVE_DATE, ColumnType.NAIVE_DATETIME))
                .isFalse();
        assertThat(TypeWidening.holds(ColumnType.LONG, ColumnType.STRING)).isFalse();
        assertThat(TypeWidening.holds(ColumnType.decimal(12, 2), ColumnType.INT))
                .isTrue();
    }
}
