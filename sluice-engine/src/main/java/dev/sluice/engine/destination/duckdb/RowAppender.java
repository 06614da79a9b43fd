package dev.sluice.engine.destination.duckdb;

import dev.sluice.engine.values.ColumnType;
import dev.sluice.sdk.DataType;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import org.duckdb.DuckDBAppender;

/**
 * Appends one canonical value (see {@code ValueConverter}) of a column type to a DuckDB appender.
 * One final class switching on the type, so that the per-value call on the hot path is monomorphic.
 */
final class RowAppender {

    private final DataType type;

    private RowAppender(DataType type) {
        this.type = type;
    }

    static RowAppender forType(ColumnType type) {
        return new RowAppender(type.type());
    }

    void append(DuckDBAppender a, Object v) throws SQLException {
        if (v == null) {
            a.appendNull();
            return;
        }
        switch (type) {
            case BOOLEAN -> a.append((boolean) (Boolean) v);
            case SHORT -> a.append((short) (Short) v);
            case INT -> a.append((int) (Integer) v);
            case LONG -> a.append((long) (Long) v);
            case DECIMAL -> a.append((BigDecimal) v);
            case FLOAT -> a.append((float) (Float) v);
            case DOUBLE -> a.append((double) (Double) v);
            case NAIVE_DATE -> a.append((LocalDate) v);
            case NAIVE_DATETIME, UTC_DATETIME -> a.appendEpochMicros((Long) v);
            case BINARY -> a.append((byte[]) v);
            case XML, STRING, JSON -> a.append((String) v);
        }
    }
}
