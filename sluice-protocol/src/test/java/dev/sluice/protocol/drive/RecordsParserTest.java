package dev.sluice.protocol.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.UnknownFieldSet;
import dev.sluice.protocol.values.ValueDecoder;
import dev.sluice.protocol.values.ValueEncoder;
import fivetran_sdk.v2.Record;
import fivetran_sdk.v2.RecordType;
import fivetran_sdk.v2.Records;
import fivetran_sdk.v2.UpdateResponse;
import fivetran_sdk.v2.ValueType;
import fivetran_sdk.v2.Warning;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsParserTest {

    @Test
    void readsRecordsAsTheGeneratedParserAndTheDecoderDo() throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 7L);
        row.put("n", -3);
        row.put("s", (short) 2);
        row.put("ok", true);
        row.put("f", 1.25f);
        row.put("d", 0.0);
        row.put("price", new BigDecimal("-0.50"));
        row.put("day", LocalDate.of(1960, 3, 1));
        row.put("wall", LocalDateTime.of(2030, 1, 1, 0, 0, 0, 1000));
        row.put("at", Instant.parse("2024-01-01T00:00:00.000001Z"));
        row.put("b", new byte[] {0, -1});
        row.put("text", "naïve");
        row.put("doc", Map.of("k", List.of(1)));
        row.put("none", null);
        Records.Builder records = Records.newBuilder();
        for (RecordType type : List.of(RecordType.UPSERT, RecordType.DELETE, RecordType.TRUNCATE)) {
            Record.Builder record = Record.newBuilder()
                    .setTableName("orders")
                    .setSchemaName("shop")
                    .setType(type);
            row.forEach((column, value) -> record.putData(column, ValueEncoder.encode("orders", column, null, value)));
            records.addRecords(record);
        }
        UpdateResponse message = UpdateResponse.newBuilder().setRecords(records).build();

        List<DecodedRecord> parsed = RecordsParser.parse(message.toByteArray());

        assertThat(parsed).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Record expected = message.getRecords().getRecords(i);
            DecodedRecord actual = parsed.get(i);
            assertThat(actual.table()).isEqualTo("orders");
            assertThat(actual.type()).isEqualTo(expected.getType());
            assertThat(actual.data().keySet()).containsExactlyElementsOf(row.keySet());
            expected.getDataMap()
                    .forEach((column, value) -> assertThat(actual.data().get(column))
                            .usingRecursiveComparison()
                            .isEqualTo(ValueDecoder.decode("orders", column, value)));
        }
    }

    @Test
    void leavesOtherMessagesToTheGeneratedParser() throws Exception {
        assertThat(RecordsParser.parse(UpdateResponse.newBuilder()
                        .setWarning(Warning.newBuilder().setMessage("w"))
                        .build()
                        .toByteArray()))
                .isNull();
    }

    @Test
    void aValueOfAnUnknownTypeIsNamedLikeTheDecoderNamesIt() {
        ValueType future = ValueType.newBuilder()
                .setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(
                                17,
                                UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                        .build())
                .build();
        byte[] bytes = UpdateResponse.newBuilder()
                .setRecords(Records.newBuilder()
                        .addRecords(Record.newBuilder().setTableName("items").putData("mystery", future)))
                .build()
                .toByteArray();

        assertThatThrownBy(() -> RecordsParser.parse(bytes))
                .hasMessageContaining("Table 'items', column 'mystery'")
                .hasMessageContaining("field [17]");
    }

    @Test
    void aDecimalThatIsNotANumberIsNamedLikeTheDecoderNamesItAmongOtherValues() {
        byte[] bytes = UpdateResponse.newBuilder()
                .setRecords(Records.newBuilder()
                        .addRecords(Record.newBuilder()
                                .setTableName("items")
                                .putData("id", ValueType.newBuilder().setLong(7).build())
                                .putData(
                                        "price",
                                        ValueType.newBuilder()
                                                .setDecimal("twelve")
                                                .build())
                                .putData(
                                        "name",
                                        ValueType.newBuilder().setString("x").build())))
                .build()
                .toByteArray();

        String decoder = catchThrowable(() -> ValueDecoder.decode(
                        "items",
                        "price",
                        ValueType.newBuilder().setDecimal("twelve").build()))
                .getMessage();
        assertThatThrownBy(() -> RecordsParser.parse(bytes)).hasMessage(decoder);
    }
}
