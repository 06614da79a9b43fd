package dev.sluice.engine.duckdb;

import dev.sluice.engine.schema.ColumnType;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import org.duckdb.DuckDBAppender;

/** Appends one canonical value (see {@code ValueConverter}) of a column type to a DuckDB appender. */
@FunctionalInterface
interface RowAppender {

    void append(DuckDBAppender appender, Object value) throws SQLException;

    static RowAppender forType(ColumnType type) {
        RowAppender nonNull = switch (type.type()) {
            case BOOLEAN -> (a, v) -> a.append((boolean) (Boolean) v);
            case SHORT -> (a, v) -> a.append((short) (Short) v);
            case INT -> (a, v) -> a.append((int) (Integer) v);
            case LONG -> (a, v) -> a.append((long) (Long) v);
            case DECIMAL -> (a, v) -> a.append((BigDecimal) v);
            case FLOAT -> (a, v) -> a.append((float) (Float) v);
            case DOUBLE -> (a, v) -> a.append((double) (Double) v);
            case NAIVE_DATE -> (a, v) -> a.append((LocalDate) v);
            case NAIVE_DATETIME, UTC_DATETIME -> (a, v) -> a.appendEpochMicros((Long) v);
            case BINARY -> (a, v) -> a.append((byte[]) v);
            case XML, STRING, JSON -> (a, v) -> a.append((String) v);
        };
        return (a, v) -> {
            if (v == null) {
                a.appendNull();
            } else {
                nonNull.append(a, v);
            }
        };
    }
}
