package dev.sluice.protocol.drive;

import fivetran_sdk.v2.UpdateResponse;
import java.util.List;

/**
 * A message of the {@code Update} stream as the engine's thread applies it.
 *
 * @param records the decoded records of a {@code records} or {@code record} message, else null
 * @param message the message itself (for a {@code records} message read from its bytes, an empty one)
 */
record DecodedMessage(List<DecodedRecord> records, UpdateResponse message) {}
