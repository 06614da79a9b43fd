package dev.sluice.protocol.values;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * JSON text received over the wire, kept verbatim. The engine treats a record as a JSON value and
 * writes it through Jackson, which writes this one as its raw text: so a JSON column synced over
 * gRPC holds exactly the text the connector serialized.
 *
 * @param text serialized JSON
 */
@JsonSerialize(using = RawJson.Writer.class)
public record RawJson(String text) {

    /** Writes the text as it is. */
    static final class Writer extends StdSerializer<RawJson> {
        Writer() {
            super(RawJson.class);
        }

        @Override
        public void serialize(RawJson value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeRawValue(value.text());
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
