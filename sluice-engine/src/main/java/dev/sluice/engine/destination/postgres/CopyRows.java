package dev.sluice.engine.destination.postgres;

import dev.sluice.sdk.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;

/**
 * Rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN}, encoded straight from canonical
 * values (see {@code dev.sluice.engine.values.ValueConverter}) into a byte buffer: tab between values,
 * {@code \N} for NULL, backslash escapes, UTF-8. Internal: public only so that the benchmark's raw
 * baseline encodes rows exactly as the destination does. Not thread-safe.
 */
public final class CopyRows {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long SECONDS_PER_DAY = 86_400;

    private byte[] buffer = new byte[64 * 1024];
    private int size;
    private int rows;
    private boolean firstValue = true;

    /** Thrown for a value PostgreSQL cannot store, e.g. text holding a NUL character. */
    public static final class UnstorableValueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnstorableValueException(String message) {
            super(message);
        }
    }

    /** @return the bytes buffered */
    public int size() {
        return size;
    }

    /** @return the rows buffered */
    public int rows() {
        return rows;
    }

    /** Ends the row. */
    public void endRow() {
        put((byte) '\n');
        rows++;
        firstValue = true;
    }

    /** Adds a NULL. */
    public void addNull() {
        separate();
        put((byte) '\\');
        put((byte) 'N');
    }

    /**
     * Adds a canonical value of a type.
     *
     * @param type the column's type
     * @param value the canonical value, or null
     * @throws UnstorableValueException for text with a NUL character
     */
    public void add(DataType type, Object value) {
        if (value == null) {
            addNull();
            return;
        }
        separate();
        switch (type) {
            case BOOLEAN -> put((byte) ((Boolean) value ? 't' : 'f'));
            case SHORT, INT, LONG -> putLong(((Number) value).longValue());
            case DECIMAL -> putAscii(((BigDecimal) value).toPlainString());
            case FLOAT -> putAscii(Float.toString((Float) value));
            case DOUBLE -> putAscii(Double.toString((Double) value));
            case NAIVE_DATE -> putDate((LocalDate) value);
            case NAIVE_DATETIME -> putTimestamp((Long) value, false);
            case UTC_DATETIME -> putTimestamp((Long) value, true);
            case BINARY -> putBytea((byte[]) value);
            case XML, STRING, JSON -> putText((String) value);
        }
    }

    /**
     * Adds a value written as it is: a number or text without characters to escape.
     *
     * @param plain the value's text
     */
    public void addPlain(String plain) {
        separate();
        putAscii(plain);
    }

    /**
     * Adds a UTC timestamp.
     *
     * @param epochMicros microseconds since 1970-01-01T00:00Z
     */
    public void addUtcTimestamp(long epochMicros) {
        separate();
        putTimestamp(epochMicros, true);
    }

    /**
     * Sends the buffered rows by one {@code COPY} and empties the buffer.
     *
     * @param database the connection
     * @param copySql the {@code COPY ... FROM STDIN} statement
     */
    void sendTo(PostgresDatabase database, String copySql) {
        if (rows == 0) {
            return;
        }
        CopyIn copy = database.copyIn(copySql);
        try {
            copy.writeToCopy(buffer, 0, size);
            copy.endCopy();
        } catch (SQLException e) {
            cancel(copy);
            throw PostgresErrors.statementFailed(database, copySql, e);
        }
        clear();
    }

    /**
     * Writes the buffered rows into an open {@code COPY} and empties the buffer.
     *
     * @param copy the copy
     * @throws SQLException when the server refuses them
     */
    public void writeTo(CopyIn copy) throws SQLException {
        copy.writeToCopy(buffer, 0, size);
        clear();
    }

    /** Forgets the buffered rows. */
    public void clear() {
        size = 0;
        rows = 0;
        firstValue = true;
        if (buffer.length > 16 << 20) {
            buffer = new byte[64 * 1024];
        }
    }

    private static void cancel(CopyIn copy) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the failure being reported matters more
        }
    }

    private void separate() {
        if (!firstValue) {
            put((byte) '\t');
        }
        firstValue = false;
    }

    private void putText(String text) {
        ensure(text.length() * 3 + 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> putTwo('\\', '\\');
                    case '\n' -> putTwo('\\', 'n');
                    case '\r' -> putTwo('\\', 'r');
                    case '\t' -> putTwo('\\', 't');
                    case 0 ->
                        throw new UnstorableValueException("PostgreSQL text cannot hold the NUL character (\\u0000)");
                    default -> buffer[size++] = (byte) c;
                }
            } else if (c < 0x800) {
                buffer[size++] = (byte) (0xC0 | (c >> 6));
                buffer[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                ensure(4);
                buffer[size++] = (byte) (0xF0 | (codePoint >> 18));
                buffer[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                buffer[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                buffer[size++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buffer[size++] = (byte) '?';
            } else {
                buffer[size++] = (byte) (0xE0 | (c >> 12));
                buffer[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void putTwo(char a, char b) {
        ensure(2);
        buffer[size++] = (byte) a;
        buffer[size++] = (byte) b;
    }

    private void putBytea(byte[] bytes) {
        ensure(bytes.length * 2 + 3);
        buffer[size++] = '\\';
        buffer[size++] = '\\';
        buffer[size++] = 'x';
        for (byte b : bytes) {
            buffer[size++] = HEX[(b >> 4) & 0xF];
            buffer[size++] = HEX[b & 0xF];
        }
    }

    private void putDate(LocalDate date) {
        putYearMonthDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        if (date.getYear() <= 0) {
            putAscii(" BC");
        }
    }

    private void putTimestamp(long epochMicros, boolean utc) {
        long seconds = Math.floorDiv(epochMicros, MICROS_PER_SECOND);
        int micros = (int) Math.floorMod(epochMicros, MICROS_PER_SECOND);
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(days);
        putYearMonthDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        put((byte) ' ');
        putTwoDigits(secondOfDay / 3600);
        put((byte) ':');
        putTwoDigits(secondOfDay / 60 % 60);
        put((byte) ':');
        putTwoDigits(secondOfDay % 60);
        if (micros != 0) {
            put((byte) '.');
            String digits = Integer.toString(micros + 1_000_000);
            putAscii(digits.substring(1));
        }
        if (utc) {
            putAscii("+00");
        }
        if (date.getYear() <= 0) {
            putAscii(" BC");
        }
    }

    private void putYearMonthDay(int year, int month, int day) {
        int shown = year <= 0 ? 1 - year : year;
        String digits = Integer.toString(shown);
        for (int i = digits.length(); i < 4; i++) {
            put((byte) '0');
        }
        putAscii(digits);
        put((byte) '-');
        putTwoDigits(month);
        put((byte) '-');
        putTwoDigits(day);
    }

    private void putTwoDigits(int value) {
        ensure(2);
        buffer[size++] = (byte) ('0' + value / 10);
        buffer[size++] = (byte) ('0' + value % 10);
    }

    private void putLong(long value) {
        putAscii(Long.toString(value));
    }

    private void putAscii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
