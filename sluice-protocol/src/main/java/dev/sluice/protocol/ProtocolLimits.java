package dev.sluice.protocol;

/** Sizes and defaults of the {@code fivetran_sdk.v2} protocol as Fivetran runs it. */
public final class ProtocolLimits {

    /** Largest gRPC message in either direction: 128 MiB. */
    public static final int MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
    /** Most records in one {@code Records} batch. */
    public static final int MAX_BATCH_RECORDS = 100;
    /** Most bytes of encoded records in one {@code Records} batch, framing aside (a single larger record goes alone). */
    public static final int MAX_BATCH_BYTES = 100_000;
    /** The port a source connector listens on by convention. */
    public static final int DEFAULT_PORT = 50051;

    private ProtocolLimits() {}
}
