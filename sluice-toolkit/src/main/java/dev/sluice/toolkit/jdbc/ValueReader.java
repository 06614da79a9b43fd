package dev.sluice.toolkit.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as the Java value the engine takes; null for SQL NULL. */
@FunctionalInterface
public interface ValueReader {

    /**
     * @param resultSet positioned on a row
     * @param index the column's 1-based index
     * @return the value, or null
     * @throws SQLException when the driver cannot read it
     */
    Object read(ResultSet resultSet, int index) throws SQLException;
}
