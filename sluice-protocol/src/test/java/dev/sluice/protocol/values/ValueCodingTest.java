package dev.sluice.protocol.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.values.JsonText;
import dev.sluice.sdk.Column;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import fivetran_sdk.v2.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueCodingTest {

    private static ValueType inferred(Object value) {
        return ValueEncoder.encode("t", "c", null, value);
    }

    private static Object roundTrip(Object value) {
        return ValueDecoder.decode("t", "c", inferred(value));
    }

    @Test
    void inferredValuesTravelAsTheirOwnTypeAndComeBackAsTheSameJavaValue() {
        assertThat(roundTrip("text")).isEqualTo("text");
        assertThat(roundTrip(5)).isEqualTo(5);
        assertThat(roundTrip(5L)).isEqualTo(5L);
        assertThat(roundTrip((short) 5)).isEqualTo((short) 5);
        assertThat(roundTrip(1.5f)).isEqualTo(1.5f);
        assertThat(roundTrip(2.25)).isEqualTo(2.25);
        assertThat(roundTrip(true)).isEqualTo(true);
        assertThat(roundTrip(new BigDecimal("12.50"))).isEqualTo(new BigDecimal("12.50"));
        assertThat(roundTrip(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(roundTrip(LocalDateTime.of(2024, 2, 29, 23, 59, 1, 123_456_000)))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 1, 123_456_000));
        assertThat(roundTrip(Instant.parse("1969-12-31T23:59:59.999999Z")))
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
        assertThat(roundTrip(OffsetDateTime.of(2024, 1, 1, 2, 0, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat((byte[]) roundTrip(new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
        assertThat(roundTrip(null)).isNull();
    }

    @Test
    void naiveTypesAreUtcTimestampsDecimalsAndJsonAreText() {
        assertThat(inferred(LocalDate.of(1970, 1, 2)).getNaiveDate().getSeconds())
                .isEqualTo(86_400);
        assertThat(inferred(LocalDateTime.of(1970, 1, 1, 0, 0, 1))
                        .getNaiveDatetime()
                        .getSeconds())
                .isEqualTo(1);
        assertThat(inferred(new BigDecimal("1E+3")).getDecimal()).isEqualTo("1000");
        ValueType json = inferred(Map.of("a", List.of(1, 2)));
        assertThat(json.getJson()).isEqualTo("{\"a\":[1,2]}");
        Object decoded = ValueDecoder.decode("t", "c", json);
        assertThat(decoded).isInstanceOf(RawJson.class);
        assertThat(JsonText.write(decoded)).isEqualTo("{\"a\":[1,2]}");
    }

    @Test
    void declaredColumnsAreEncodedByTheirTypeAsTheEngineConvertsThem() {
        Table table = Table.named("t")
                .column("n", DataType.STRING)
                .column("i", DataType.INT)
                .decimalColumn("d", 8, 2)
                .column("at", DataType.UTC_DATETIME)
                .build();
        assertThat(ValueEncoder.encode("t", "n", table.column("n"), 42).getString())
                .isEqualTo("42");
        assertThat(ValueEncoder.encode("t", "i", table.column("i"), "7").getInt())
                .isEqualTo(7);
        assertThat(ValueEncoder.encode("t", "d", table.column("d"), 3).getDecimal())
                .isEqualTo("3.00");
        assertThat(ValueEncoder.encode("t", "at", table.column("at"), "2024-01-01")
                        .getUtcDatetime()
                        .getSeconds())
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z").getEpochSecond());
    }

    @Test
    void aValueThatDoesNotFitItsDeclaredTypeNamesTableColumnAndValue() {
        Column column = Column.of("count", DataType.INT);
        assertThatThrownBy(() -> ValueEncoder.encode("orders", "count", column, "many"))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("Table 'orders', column 'count': value 'many'")
                .hasMessageContaining("INT");
    }

    @Test
    void valuesSourcesMayNotSendAreNamed() {
        ValueType time = ValueType.newBuilder()
                .setNaiveTime(com.google.protobuf.Timestamp.getDefaultInstance())
                .build();
        assertThatThrownBy(() -> ValueDecoder.decode("t", "c", time)).hasMessageContaining("naive_time");
        assertThatThrownBy(() -> ValueDecoder.decode("t", "c", ValueType.getDefaultInstance()))
                .hasMessageContaining("Table 't', column 'c'")
                .hasMessageContaining("does not know");
        assertThatThrownBy(() -> ValueDecoder.decode(
                        "t", "c", ValueType.newBuilder().setDecimal("1,5").build()))
                .hasMessageContaining("decimal value '1,5' is not a number");
    }

    @Test
    void tablesSurviveTheWireWithKeysFirst() {
        Table table = Table.named("orders")
                .column("note", DataType.STRING)
                .primaryKey("id", "line")
                .column("line", DataType.INT)
                .decimalColumn("price", 10, 3)
                .build();
        fivetran_sdk.v2.Table wire = SchemaMessages.toProto(table);

        assertThat(wire.getColumnsList())
                .extracting(fivetran_sdk.v2.Column::getName)
                .containsExactly("id", "line", "note", "price");
        assertThat(wire.getColumns(0).getType()).isEqualTo(fivetran_sdk.v2.DataType.UNSPECIFIED);
        assertThat(wire.getColumns(3).getParams().getDecimal().getScale()).isEqualTo(3);
        Table back = SchemaMessages.fromProto(wire);
        assertThat(back.primaryKey()).containsExactly("id", "line");
        assertThat(back.column("price")).isEqualTo(Column.decimal("price", 10, 3));
        assertThat(back.column("id")).isNull();
    }
}
