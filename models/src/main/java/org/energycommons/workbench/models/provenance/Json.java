package org.energycommons.workbench.models.provenance;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * The JSON mapper of the workbench: indented, stable field order, non-finite numbers written as null.
 *
 * <p>Stable order: a map that keeps no order of its own ({@code Map.of}, {@code HashMap}) is written with its keys
 * sorted. {@code Map.of} iterates in an order drawn afresh by each JVM, so the same parameters would otherwise be
 * written differently by two runs, and a table or a published file would change with nothing changed. Maps that
 * keep an order ({@code LinkedHashMap}, sorted maps) are written in it.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("finite-or-null")
                    .addSerializer(Double.class, new FiniteOrNull())
                    .addSerializer(Double.TYPE, new FiniteOrNull())
                    .setSerializerModifier(new SortUnorderedMaps()));

    private Json() {
    }

    /** The shared mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes a value as indented JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads JSON into a type. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A metric value for JSON: NaN and infinities (undefined metrics) become null. */
    public static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Writes the maps that keep no order with their keys sorted, through the serializer Jackson chose. */
    private static final class SortUnorderedMaps extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonSerializer<?> modifyMapSerializer(SerializationConfig config, MapType type,
                                                     BeanDescription description, JsonSerializer<?> serializer) {
            Class<?> raw = type.getRawClass();
            if (LinkedHashMap.class.isAssignableFrom(raw) || SortedMap.class.isAssignableFrom(raw)) {
                return serializer;
            }
            return new SortedKeys();
        }
    }

    /** A map written with its keys in the order of their text, in a {@code LinkedHashMap} copy. */
    private static final class SortedKeys extends StdSerializer<Map<?, ?>> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("unchecked")
        SortedKeys() {
            super((Class<Map<?, ?>>) (Class<?>) Map.class);
        }

        @Override
        public void serialize(Map<?, ?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Map<Object, Object> sorted = new LinkedHashMap<>();
            value.entrySet().stream().sorted(Comparator.comparing(e -> String.valueOf(e.getKey())))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            provider.defaultSerializeValue(sorted, gen);
        }
    }

    /** Writes an undefined metric (NaN, infinity) as null: JSON has no NaN, and "NaN" as a string misleads. */
    private static final class FiniteOrNull extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        FiniteOrNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
