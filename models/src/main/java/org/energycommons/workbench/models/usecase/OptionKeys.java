package org.energycommons.workbench.models.usecase;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.javaprop.JavaPropsMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The binder between namespaced properties ({@code workbench.<uc>.<key>}) and the options records: a record's
 * defaults overlaid with the keys under its prefix, bound by Jackson's properties format with snake_case keys
 * (component {@code gbtTrees} is key {@code gbt_trees}). A misspelt key under a record's prefix is an error rather
 * than silently ignored, a value that is not a number where one is expected is an error naming its key, validation
 * stays in the record's compact constructor, and a record turns back into the properties it was read from.
 */
public final class OptionKeys {

    private static final JavaPropsMapper MAPPER = mapper();

    private OptionKeys() {
    }

    private static JavaPropsMapper mapper() {
        JavaPropsMapper m = JavaPropsMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // the unknown-key check of bind(..) has run; records bound from part of the keys ignore the rest
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return m;
    }

    /**
     * The options record of {@code type} read from the keys under {@code prefix}: the {@code defaults} overlaid with
     * those keys (values trimmed), bound to the record, whose constructor validates them.
     *
     * @param delegated prefixes of keys under {@code prefix} that another options record reads
     * @throws IllegalArgumentException on an unknown key under the prefix (naming it and the known ones), on a
     *     malformed value (naming its key), or as the record's constructor throws it
     */
    public static <T extends Record> T bind(Properties p, String prefix, T defaults, String... delegated) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) defaults.getClass();
        return bind(overlay(p, prefix, toMap(defaults), delegated), prefix, type);
    }

    /**
     * The {@code defaults} (short key to text) overlaid with the keys of {@code p} under {@code prefix}, trimmed.
     *
     * @param delegated prefixes of keys under {@code prefix} that another options record reads
     * @throws IllegalArgumentException on a key under the prefix that is not in {@code defaults}
     */
    public static Map<String, String> overlay(Properties p, String prefix, Map<String, String> defaults,
                                              String... delegated) {
        requireKnown(p, prefix, defaults.keySet(), delegated);
        Map<String, String> values = new LinkedHashMap<>(defaults);
        values.replaceAll((k, v) -> p.getProperty(prefix + k, v).trim());
        return values;
    }

    /**
     * The options record of {@code type} bound from {@code values} (short keys; keys the record lacks are ignored).
     *
     * @throws IllegalArgumentException on a malformed value, naming {@code prefix} + its key, or as the record's
     *     constructor throws it
     */
    public static <T extends Record> T bind(Map<String, String> values, String prefix, Class<T> type) {
        try {
            return MAPPER.readMapAs(values, type);
        } catch (InvalidFormatException e) {
            String key = e.getPath().isEmpty() ? "?" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw new IllegalArgumentException(prefix + key + " must be " + expected(e.getTargetType()) + ", got '"
                    + e.getValue() + "'", e);
        } catch (JsonMappingException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException iae) { // the record's own validation
                    throw iae;
                }
            }
            throw new IllegalArgumentException("bad option under " + prefix + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad option under " + prefix + ": " + e.getMessage(), e);
        }
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        return "a " + type.getSimpleName();
    }

    /** The options of a record by short key, in component order, each value as text ({@code String.valueOf}). */
    public static Map<String, String> toMap(Record options) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            MAPPER.writeValue(m, options);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write options " + options.getClass().getSimpleName(), e);
        }
        return m;
    }

    /**
     * Fails on a key under {@code prefix} that is not in {@code known} (short keys), except keys under one of the
     * {@code delegated} prefixes, which another options record reads.
     *
     * @throws IllegalArgumentException naming the unknown key and the known ones
     */
    public static void requireKnown(Properties p, String prefix, Set<String> known, String... delegated) {
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(prefix) || known.contains(key.substring(prefix.length()))) {
                continue;
            }
            boolean elsewhere = false;
            for (String d : delegated) {
                elsewhere |= key.startsWith(d);
            }
            if (!elsewhere) {
                throw new IllegalArgumentException("unknown option " + key + "; known: " + known);
            }
        }
    }

    /**
     * Fails unless {@code v >= min}.
     *
     * @throws IllegalArgumentException "{@code <prefix><key> must be >= <min>, got <v>}"
     */
    public static void requireAtLeast(String prefix, String key, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(prefix + key + " must be >= " + min + ", got " + v);
        }
    }

    /**
     * Fails unless {@code v} is a share in (0, 1].
     *
     * @throws IllegalArgumentException "{@code <prefix><key> must be in (0, 1], got <v>}"
     */
    public static void requireShare(String prefix, String key, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(prefix + key + " must be in (0, 1], got " + v);
        }
    }

    /**
     * Fails unless the tree settings of a gradient-boosted ensemble, under {@code <prefix><stem>_trees},
     * {@code _depth}, {@code _max_nodes} and {@code _shrinkage}, hold at least one tree of depth at least 1 with at
     * least 2 leaves, and a shrinkage in (0, 1].
     *
     * @throws IllegalArgumentException with the message of {@link #requireAtLeast} or {@link #requireShare}
     */
    public static void requireBoosting(String prefix, String stem, int trees, int depth, int maxNodes,
                                       double shrinkage) {
        requireAtLeast(prefix, stem + "_trees", trees, 1);
        requireAtLeast(prefix, stem + "_depth", depth, 1);
        requireAtLeast(prefix, stem + "_max_nodes", maxNodes, 2);
        requireShare(prefix, stem + "_shrinkage", shrinkage);
    }

    /** The short-key options as properties under {@code prefix}. */
    public static Properties properties(String prefix, Map<String, String> options) {
        Properties p = new Properties();
        options.forEach((k, v) -> p.setProperty(prefix + k, v));
        return p;
    }
}
