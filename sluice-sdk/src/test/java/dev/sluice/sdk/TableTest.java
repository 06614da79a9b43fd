package dev.sluice.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void builderCollectsNameKeyAndColumnsInOrder() {
        Table table = Table.named("orders")
                .primaryKey("id", "line")
                .column("status", DataType.STRING)
                .decimalColumn("price", 12, 2)
                .column("created", DataType.UTC_DATETIME)
                .build();

        assertThat(table.name()).isEqualTo("orders");
        assertThat(table.primaryKey()).containsExactly("id", "line");
        assertThat(table.columns()).extracting(Column::name).containsExactly("status", "price", "created");
        assertThat(table.column("price")).isEqualTo(Column.decimal("price", 12, 2));
        assertThat(table.column("status").type()).isEqualTo(DataType.STRING);
        assertThat(table.column("id"))
                .as("an undeclared key column is inferred")
                .isNull();
        assertThat(table.column("absent")).isNull();
    }

    @Test
    void withoutAPrimaryKeyTheKeyIsEmpty() {
        Table table = Table.named("events").build();

        assertThat(table.primaryKey()).isEmpty();
        assertThat(table.columns()).isEmpty();
    }

    @Test
    void aLaterPrimaryKeyReplacesAnEarlierOne() {
        assertThat(Table.named("t").primaryKey("a").primaryKey("b", "c").build().primaryKey())
                .containsExactly("b", "c");
    }

    @Test
    void isImmutable() {
        Table table =
                Table.named("t").primaryKey("id").column("a", DataType.INT).build();

        assertThatThrownBy(() -> table.primaryKey().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> table.columns().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void decimalPrecisionMustBe1To38() {
        assertThat(Table.named("t")
                        .decimalColumn("a", 1, 0)
                        .decimalColumn("b", 38, 37)
                        .build()
                        .columns())
                .hasSize(2);
        assertThatThrownBy(() ->
                        Table.named("prices").decimalColumn("amount", 0, 0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'prices'")
                .hasMessageContaining("'amount'")
                .hasMessageContaining("precision 0")
                .hasMessageContaining("1 to 38");
        assertThatThrownBy(() ->
                        Table.named("prices").decimalColumn("amount", 39, 2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'prices'")
                .hasMessageContaining("'amount'")
                .hasMessageContaining("precision 39");
    }

    @Test
    void decimalScaleMustBe0To37() {
        assertThatThrownBy(() ->
                        Table.named("prices").decimalColumn("amount", 10, -1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'prices'")
                .hasMessageContaining("'amount'")
                .hasMessageContaining("scale -1")
                .hasMessageContaining("0 to 37");
        assertThatThrownBy(() ->
                        Table.named("prices").decimalColumn("amount", 38, 38).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'prices'")
                .hasMessageContaining("'amount'")
                .hasMessageContaining("scale 38");
    }

    @Test
    void decimalScaleMustNotExceedThePrecision() {
        assertThat(Table.named("t").decimalColumn("a", 5, 5).build().column("a").scale())
                .isEqualTo(5);
        assertThatThrownBy(() ->
                        Table.named("prices").decimalColumn("amount", 4, 5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'prices'")
                .hasMessageContaining("'amount'")
                .hasMessageContaining("scale 5")
                .hasMessageContaining("precision 4");
    }

    @Test
    void decimalThroughColumnIsRejectedPointingToDecimalColumn() {
        assertThatThrownBy(() ->
                        Table.named("prices").column("amount", DataType.DECIMAL).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'prices'")
                .hasMessageContaining("'amount'")
                .hasMessageContaining("decimalColumn");
    }

    @Test
    void aColumnWithoutATypeIsRejected() {
        assertThatThrownBy(() -> Table.named("t").column("a", null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'t'")
                .hasMessageContaining("'a'")
                .hasMessageContaining("no type");
    }

    @Test
    void aDuplicateColumnIsRejected() {
        assertThatThrownBy(() -> Table.named("orders")
                        .column("status", DataType.STRING)
                        .column("status", DataType.INT)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'orders'")
                .hasMessageContaining("'status' is declared twice");
        assertThatThrownBy(() -> Table.named("orders")
                        .column("price", DataType.DOUBLE)
                        .decimalColumn("price", 10, 2)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'price' is declared twice");
    }

    @Test
    void anEmptyColumnNameIsRejected() {
        assertThatThrownBy(
                        () -> Table.named("orders").column(" ", DataType.STRING).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'orders'")
                .hasMessageContaining("column name is empty");
        assertThatThrownBy(
                        () -> Table.named("orders").decimalColumn(null, 10, 2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column name is empty");
    }

    @Test
    void anEmptyTableNameIsRejected() {
        assertThatThrownBy(() -> Table.named("").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty name");
        assertThatThrownBy(() -> Table.named(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty name");
        assertThatThrownBy(() -> Table.named("  ").column("a", DataType.DECIMAL).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty name")
                .hasMessageContaining("'a'");
    }

    @Test
    void anEmptyPrimaryKeyIsRejected() {
        assertThatThrownBy(() -> Table.named("orders").primaryKey().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'orders'")
                .hasMessageContaining("primaryKey() names no column")
                .hasMessageContaining("_fivetran_id");
        assertThatThrownBy(
                        () -> Table.named("orders").primaryKey((String[]) null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no column");
        assertThatThrownBy(() -> Table.named("orders").primaryKey("id", " ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'orders'")
                .hasMessageContaining("primary-key column name is empty");
        assertThatThrownBy(() -> Table.named("orders").primaryKey("id", "id").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'orders'")
                .hasMessageContaining("'id' is listed twice");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> Table.named("orders")
                        .primaryKey()
                        .column("a", DataType.DECIMAL)
                        .decimalColumn("b", 50, 1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Table 'orders': ")
                .hasMessageContaining("names no column")
                .hasMessageContaining("'a'")
                .hasMessageContaining("'b'");
    }

    @Test
    void toBuilderStartsFromTheTablesDeclarations() {
        Table table = Table.named("orders")
                .primaryKey("id")
                .column("status", DataType.STRING)
                .build();

        Table extended = table.toBuilder().decimalColumn("price", 10, 2).build();
        Table rekeyed = table.toBuilder().primaryKey("id", "line").build();

        assertThat(table.toBuilder().build()).isEqualTo(table).hasSameHashCodeAs(table);
        assertThat(extended.name()).isEqualTo("orders");
        assertThat(extended.primaryKey()).containsExactly("id");
        assertThat(extended.columns()).extracting(Column::name).containsExactly("status", "price");
        assertThat(rekeyed.primaryKey()).containsExactly("id", "line");
        assertThat(table.columns()).as("the original is unchanged").hasSize(1);
        assertThatThrownBy(
                        () -> table.toBuilder().column("status", DataType.INT).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'status' is declared twice");
    }

    @Test
    void equalityCoversNameKeyAndColumns() {
        Table a = Table.named("t").primaryKey("id").column("x", DataType.INT).build();

        assertThat(a)
                .isEqualTo(Table.named("t")
                        .primaryKey("id")
                        .column("x", DataType.INT)
                        .build());
        assertThat(a)
                .isNotEqualTo(Table.named("u")
                        .primaryKey("id")
                        .column("x", DataType.INT)
                        .build());
        assertThat(a)
                .isNotEqualTo(Table.named("t")
                        .primaryKey("x")
                        .column("x", DataType.INT)
                        .build());
        assertThat(a)
                .isNotEqualTo(Table.named("t")
                        .primaryKey("id")
                        .column("x", DataType.LONG)
                        .build());
        assertThat(a.toString()).contains("t", "id", "x INT");
    }

    record Everything(
            @PrimaryKey long id,
            boolean flag,
            Boolean boxedFlag,
            short small,
            Short boxedSmall,
            int count,
            Integer boxedCount,
            Long boxedLong,
            float ratio,
            Float boxedRatio,
            double amount,
            Double boxedAmount,
            String name,
            LocalDate day,
            LocalDateTime localTime,
            Instant instant,
            OffsetDateTime offsetTime,
            ZonedDateTime zonedTime,
            byte[] bytes,
            Map<String, Object> attributes,
            List<String> tags,
            Set<Integer> ids,
            Nested nested,
            String[] names,
            BigDecimal price,
            UUID uuid) {}

    record Nested(String value) {}

    @Test
    void fromRecordMapsEveryJavaTypeAndLeavesTheRestToInference() {
        Table table = Table.fromRecord("everything", Everything.class);

        assertThat(table.name()).isEqualTo("everything");
        assertThat(table.primaryKey()).containsExactly("id");
        Map<String, DataType> expected = new java.util.LinkedHashMap<>();
        expected.put("id", DataType.LONG);
        expected.put("flag", DataType.BOOLEAN);
        expected.put("boxedFlag", DataType.BOOLEAN);
        expected.put("small", DataType.SHORT);
        expected.put("boxedSmall", DataType.SHORT);
        expected.put("count", DataType.INT);
        expected.put("boxedCount", DataType.INT);
        expected.put("boxedLong", DataType.LONG);
        expected.put("ratio", DataType.FLOAT);
        expected.put("boxedRatio", DataType.FLOAT);
        expected.put("amount", DataType.DOUBLE);
        expected.put("boxedAmount", DataType.DOUBLE);
        expected.put("name", DataType.STRING);
        expected.put("day", DataType.NAIVE_DATE);
        expected.put("localTime", DataType.NAIVE_DATETIME);
        expected.put("instant", DataType.UTC_DATETIME);
        expected.put("offsetTime", DataType.UTC_DATETIME);
        expected.put("zonedTime", DataType.UTC_DATETIME);
        expected.put("bytes", DataType.BINARY);
        expected.put("attributes", DataType.JSON);
        expected.put("tags", DataType.JSON);
        expected.put("ids", DataType.JSON);
        expected.put("nested", DataType.JSON);
        expected.put("names", DataType.JSON);
        assertThat(table.columns()).extracting(Column::name).containsExactlyElementsOf(expected.keySet());
        expected.forEach((column, type) ->
                assertThat(table.column(column).type()).as(column).isEqualTo(type));
        assertThat(table.column("price"))
                .as("BigDecimal is inferred (precision unknown)")
                .isNull();
        assertThat(table.column("uuid")).as("other types are inferred").isNull();
    }

    record Line(
            @PrimaryKey String order,
            String product,
            @PrimaryKey int line) {}

    record Keyless(String a) {}

    @Test
    void fromRecordKeyIsTheAnnotatedComponentsInDeclarationOrder() {
        assertThat(Table.fromRecord("lines", Line.class).primaryKey()).containsExactly("order", "line");
        assertThat(Table.fromRecord("keyless", Keyless.class).primaryKey()).isEmpty();
    }

    @Test
    void fromRecordOfAnEmptyNameIsRejected() {
        assertThatThrownBy(() -> Table.fromRecord(" ", Keyless.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty name");
    }
}
