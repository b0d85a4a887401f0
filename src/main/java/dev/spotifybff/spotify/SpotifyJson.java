package dev.spotifybff.spotify;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Spotify's answers as the SPA gets them: streamed from Spotify's bytes to the answer's bytes
 * through a record's {@link JsonShape}, one pass, no objects in between. A body that is not the
 * JSON object Spotify documents is a {@link MalformedAnswer} (502, like any broken upstream).
 */
@Singleton
public class SpotifyJson {

    /** What a page's envelope says besides its items, for the BFF's own envelope. */
    public record Envelope(Integer total, boolean hasNext, String cursorBefore) {
    }

    /** Writes the answer's fields after items, from Spotify's envelope. */
    @FunctionalInterface
    public interface Tail {
        void write(Envelope envelope, JsonGenerator out) throws IOException;
    }

    /** Spotify answered 2xx with a body that is not the JSON it documents. */
    public static final class MalformedAnswer extends RuntimeException {
        MalformedAnswer(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonFactory factory;

    SpotifyJson(ObjectMapper json) {
        this.factory = json.getFactory();
    }

    /** One object: only the record's fields. */
    public byte[] object(byte[] body, JsonShape shape) {
        return write(body, (in, out) -> shape.copy(in, out));
    }

    /**
     * A page: {"items": [...] (each through the item's shape; [] when Spotify sends none), then
     * whatever the tail writes}. Spotify's own next/previous URLs and href never pass.
     */
    public byte[] page(byte[] body, JsonShape item, Tail tail) {
        return write(body, (in, out) -> {
            out.writeStartObject();
            boolean items = false;
            Integer total = null;
            boolean hasNext = false;
            String cursorBefore = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                if (name.equals("items") && value == JsonToken.START_ARRAY && !items) {
                    out.writeFieldName("items");
                    JsonShape.copyArray(item, in, out);
                    items = true;
                } else if (name.equals("total") && value == JsonToken.VALUE_NUMBER_INT) {
                    total = in.getIntValue();
                } else if (name.equals("next")) {
                    hasNext = value == JsonToken.VALUE_STRING;
                } else if (name.equals("cursors") && value == JsonToken.START_OBJECT) {
                    cursorBefore = before(in);
                } else {
                    in.skipChildren();
                }
            }
            if (!items) {
                out.writeFieldName("items");
                out.writeStartArray();
                out.writeEndArray();
            }
            tail.write(new Envelope(total, hasNext, cursorBefore), out);
            out.writeEndObject();
        });
    }

    private static String before(JsonParser in) throws IOException {
        String before = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            JsonToken value = in.nextToken();
            if (name.equals("before") && value == JsonToken.VALUE_STRING) {
                before = in.getText();
            } else {
                in.skipChildren();
            }
        }
        return before;
    }

    private interface Copy {
        void copy(JsonParser in, JsonGenerator out) throws IOException;
    }

    private byte[] write(byte[] body, Copy copy) {
        try (JsonParser in = factory.createParser(body);
                ByteArrayBuilder bytes = new ByteArrayBuilder(body.length / 2 + 64);
                JsonGenerator out = factory.createGenerator(bytes)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedAnswer("Spotify answered no JSON object");
            }
            copy.copy(in, out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new MalformedAnswer("Spotify answered unreadable JSON: " + e.getClass().getSimpleName());
        }
    }
}
