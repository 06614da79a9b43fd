package dev.sluice.protocol.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.values.ValueEncoder;
import fivetran_sdk.v2.Record;
import fivetran_sdk.v2.RecordType;
import fivetran_sdk.v2.UpdateResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordBytesTest {

    private static final Map<String, Object> ROW = new LinkedHashMap<>();

    static {
        ROW.put("id", 42L);
        ROW.put("zero", 0);
        ROW.put("negative", -7);
        ROW.put("small", (short) 3);
        ROW.put("flag", false);
        ROW.put("f", 0.0f);
        ROW.put("d", -1.5);
        ROW.put("price", new BigDecimal("12.50"));
        ROW.put("day", LocalDate.of(1970, 1, 1));
        ROW.put("before_epoch", Instant.parse("1969-12-31T23:59:59.5Z"));
        ROW.put("wall", LocalDateTime.of(2024, 5, 6, 7, 8, 9, 10_000));
        ROW.put("bytes", new byte[0]);
        ROW.put("text", "héllo ☃ 𝄞");
        ROW.put("empty", "");
        ROW.put("json", Map.of("a", 1));
        ROW.put("missing", null);
    }

    @Test
    void recordsAreTheBytesTheGeneratedClassesWrite() {
        for (RecordType type : List.of(RecordType.UPSERT, RecordType.UPDATE, RecordType.DELETE, RecordType.TRUNCATE)) {
            List<String> columns = new ArrayList<>();
            List<ValueEncoder.Wire> values = new ArrayList<>();
            Record.Builder expected =
                    Record.newBuilder().setTableName("t\u00e4ble").setType(type);
            ROW.forEach((column, value) -> {
                columns.add(column);
                values.add(ValueEncoder.wire("t", column, null, value));
                expected.putData(column, ValueEncoder.encode("t", column, null, value));
            });

            byte[] bytes = RecordBytes.record("t\u00e4ble", type.getNumber(), columns, values);

            assertThat(bytes).isEqualTo(expected.build().toByteArray());
        }
    }

    @Test
    void aResponseHoldsTheRecordsInOrder() throws Exception {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(Record.newBuilder().setTableName("t" + i).build().toByteArray());
        }

        UpdateResponse parsed = UpdateResponse.parseFrom(RecordBytes.response(records));

        assertThat(parsed.getRecords().getRecordsList())
                .extracting(Record::getTableName)
                .containsExactly("t0", "t1", "t2");
        assertThat(Arrays.equals(RecordBytes.response(records), parsed.toByteArray()))
                .isTrue();
    }
}
