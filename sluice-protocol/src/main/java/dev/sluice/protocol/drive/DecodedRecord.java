package dev.sluice.protocol.drive;

import fivetran_sdk.v2.RecordType;
import java.util.Map;

/**
 * A record of the {@code Update} stream decoded off the engine's thread.
 *
 * @param table the table
 * @param type its type ({@code UNRECOGNIZED} for a number this protocol version does not know)
 * @param typeValue its type's number
 * @param data column to Java value, in the record's order
 */
record DecodedRecord(String table, RecordType type, int typeValue, Map<String, Object> data) {}
