package dev.sluice.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.values.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowHasherTest {

    /** A keyless table: _fivetran_id then the given columns. */
    private static List<ColumnModel> table(Object... namesAndTypes) {
        List<ColumnModel> columns = new ArrayList<>();
        columns.add(new ColumnModel(TableModel.FIVETRAN_ID, ColumnType.STRING, true, 0));
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.add(new ColumnModel(
                    (String) namesAndTypes[i], (ColumnType) namesAndTypes[i + 1], false, columns.size()));
        }
        return columns;
    }

    private static String hash(List<ColumnModel> columns, Object... values) {
        Object[] row = new Object[values.length + 1];
        System.arraycopy(values, 0, row, 1, values.length);
        return new RowHasher().hash(columns, row, 0);
    }

    @Test
    void identicalRowsHashAlikeAndDifferentRowsDiffer() {
        List<ColumnModel> t = table("a", ColumnType.STRING, "b", ColumnType.INT);
        assertThat(hash(t, "x", 1)).isEqualTo(hash(t, "x", 1)).matches("[0-9a-f]{32}");
        assertThat(hash(t, "x", 1)).isNotEqualTo(hash(t, "x", 2)).isNotEqualTo(hash(t, "y", 1));
        assertThat(hash(t, "ab", null))
                .isNotEqualTo(hash(table("a", ColumnType.STRING, "b", ColumnType.STRING), "a", "b"));
        assertThat(hash(table("a", ColumnType.INT), 1)).isNotEqualTo(hash(table("b", ColumnType.INT), 1));
    }

    @Test
    void columnOrderAndNullColumnsDoNotMatter() {
        String ab = hash(table("a", ColumnType.STRING, "b", ColumnType.INT), "x", 1);
        assertThat(hash(table("b", ColumnType.INT, "a", ColumnType.STRING), 1, "x"))
                .isEqualTo(ab);
        assertThat(hash(table("a", ColumnType.STRING, "b", ColumnType.INT, "c", ColumnType.STRING), "x", 1, null))
                .isEqualTo(ab);
        assertThat(hash(table("a", ColumnType.STRING, "b", ColumnType.INT), "x", 1, "trailing"))
                .isEqualTo(ab);
    }

    @Test
    void aWideningDoesNotChangeTheHash() {
        String n = hash(table("n", ColumnType.INT), 1);
        assertThat(hash(table("n", ColumnType.LONG), 1L)).isEqualTo(n);
        assertThat(hash(table("n", ColumnType.decimal(12, 2)), new BigDecimal("1.00")))
                .isEqualTo(n);
        assertThat(hash(table("n", ColumnType.DOUBLE), 1.0)).isEqualTo(n);
        assertThat(hash(table("n", ColumnType.STRING), "1")).isEqualTo(n);
        assertThat(hash(table("n", ColumnType.DOUBLE), 1e17))
                .isEqualTo(hash(table("n", ColumnType.LONG), 100_000_000_000_000_000L));
        assertThat(hash(table("n", ColumnType.DOUBLE), 2.5))
                .isEqualTo(hash(table("n", ColumnType.decimal(2, 1)), new BigDecimal("2.5")));
        assertThat(hash(table("n", ColumnType.DOUBLE), (double) 1.5f))
                .isEqualTo(hash(table("n", ColumnType.FLOAT), 1.5f));

        String date = hash(table("d", ColumnType.NAIVE_DATE), LocalDate.of(2024, 1, 2));
        long midnight = LocalDate.of(2024, 1, 2).toEpochDay() * 86_400_000_000L;
        assertThat(hash(table("d", ColumnType.NAIVE_DATETIME), midnight)).isEqualTo(date);
        assertThat(hash(table("d", ColumnType.UTC_DATETIME), midnight)).isEqualTo(date);
        assertThat(hash(table("d", ColumnType.STRING), "2024-01-02")).isEqualTo(date);
        assertThat(hash(table("d", ColumnType.NAIVE_DATETIME), midnight + 1))
                .isNotEqualTo(date)
                .isEqualTo(hash(table("d", ColumnType.UTC_DATETIME), midnight + 1));
        assertThat(hash(table("d", ColumnType.LONG), midnight)).isNotEqualTo(date);
    }

    @Test
    void textOfValues() {
        assertThat(RowHasher.text(new BigDecimal("0.000"), ColumnType.decimal(5, 3)))
                .isEqualTo("0");
        assertThat(RowHasher.text(-0.0, ColumnType.DOUBLE)).isEqualTo("0");
        assertThat(RowHasher.text(Double.NaN, ColumnType.DOUBLE)).isEqualTo("NaN");
        assertThat(RowHasher.text(1.0E-7, ColumnType.DOUBLE)).isEqualTo("0.0000001");
        assertThat(RowHasher.text(-1L, ColumnType.UTC_DATETIME)).isEqualTo("1969-12-31T23:59:59.999999");
        assertThat(RowHasher.text(new byte[] {1, 2}, ColumnType.BINARY)).isEqualTo("AQI=");
        assertThat(RowHasher.text(true, ColumnType.BOOLEAN)).isEqualTo("true");
    }
}
