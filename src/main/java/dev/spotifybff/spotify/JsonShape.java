package dev.spotifybff.spotify;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The allow-list of one Spotify object, read off its record: the record's components, under their
 * {@code @JsonProperty} names, also found under their {@code @JsonAlias} names; a record component
 * is a nested object, a {@code List} an array, anything else a value. {@link #copy} streams
 * Spotify's JSON through it token by token: only listed fields pass, nulls are left out (as the
 * records' NON_NULL did), and nothing is built and serialised again.
 * <p>
 * Written by hand: Jackson's FilteringParserDelegate filters by name but cannot serve an alias under
 * the record's name (a playlist's tracks count, renamed items by Spotify in 2026).
 */
public final class JsonShape {

    private enum Kind {
        VALUE, OBJECT, ARRAY
    }

    private record Field(long bit, SerializedString name, JsonShape shape) {
    }

    private static final JsonShape VALUE = new JsonShape(Kind.VALUE, Map.of(), null);
    private static final Map<Class<?>, JsonShape> OF_RECORD = new ConcurrentHashMap<>();

    private final Kind kind;
    /** By the name Spotify uses (a component's name and its aliases). */
    private final Map<String, Field> fields;
    private final JsonShape element;

    private JsonShape(Kind kind, Map<String, Field> fields, JsonShape element) {
        this.kind = kind;
        this.fields = fields;
        this.element = element;
    }

    /** The shape of a record type, such as {@code Track.class}. */
    public static JsonShape of(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record + " is not a record");
        }
        JsonShape shape = OF_RECORD.get(record);
        if (shape == null) { // not computeIfAbsent: reading a record reads its nested records, a recursive update
            shape = read(record);
            OF_RECORD.putIfAbsent(record, shape);
        }
        return shape;
    }

    private static JsonShape read(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        if (components.length > Long.SIZE) {
            throw new IllegalArgumentException(record + " has more than 64 fields");
        }
        Map<String, Field> fields = new HashMap<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            // Jackson's annotations do not target record components: javac puts them on the field.
            java.lang.reflect.Field declared = declaredField(record, component.getName());
            JsonProperty property = declared.getAnnotation(JsonProperty.class);
            String name = property != null && !property.value().isEmpty() ? property.value() : component.getName();
            Field field = new Field(1L << i, new SerializedString(name), ofType(component.getGenericType()));
            fields.put(name, field);
            JsonAlias aliases = declared.getAnnotation(JsonAlias.class);
            for (String alias : aliases == null ? new String[0] : aliases.value()) {
                fields.put(alias, field);
            }
        }
        return new JsonShape(Kind.OBJECT, Map.copyOf(fields), null);
    }

    private static java.lang.reflect.Field declaredField(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record without its component's field: " + record, e);
        }
    }

    private static JsonShape ofType(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return new JsonShape(Kind.ARRAY, Map.of(), ofType(list.getActualTypeArguments()[0]));
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return of(c);
        }
        return VALUE;
    }

    /**
     * Copies the value the parser is on (its current token) to the generator, through this shape.
     * The caller has checked {@link #fits} the token.
     */
    public void copy(JsonParser in, JsonGenerator out) throws IOException {
        switch (kind) {
            case VALUE -> out.copyCurrentEvent(in);
            case ARRAY -> copyArray(element, in, out);
            case OBJECT -> copyObject(in, out);
        }
    }

    /** Whether a value starting with this token has this shape; a value that does not is left out. */
    public boolean fits(JsonToken token) {
        return switch (kind) {
            case VALUE -> token.isScalarValue();
            case ARRAY -> token == JsonToken.START_ARRAY;
            case OBJECT -> token == JsonToken.START_OBJECT;
        };
    }

    private void copyObject(JsonParser in, JsonGenerator out) throws IOException {
        out.writeStartObject();
        long written = 0; // a name and its alias may both come: the first one wins
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            Field field = fields.get(in.currentName());
            JsonToken value = in.nextToken();
            if (field == null || value == JsonToken.VALUE_NULL || (written & field.bit()) != 0
                    || !field.shape().fits(value)) {
                in.skipChildren();
                continue;
            }
            written |= field.bit();
            out.writeFieldName(field.name());
            field.shape().copy(in, out);
        }
        out.writeEndObject();
    }

    /** An array whose elements have this shape (a page's items), the parser on its START_ARRAY. */
    static void copyArray(JsonShape element, JsonParser in, JsonGenerator out) throws IOException {
        out.writeStartArray();
        for (JsonToken token = in.nextToken(); token != JsonToken.END_ARRAY; token = in.nextToken()) {
            if (element.fits(token)) {
                element.copy(in, out);
            } else {
                in.skipChildren(); // null, or not what the record lists: a null keeps the positions
                out.writeNull();
            }
        }
        out.writeEndArray();
    }
}
