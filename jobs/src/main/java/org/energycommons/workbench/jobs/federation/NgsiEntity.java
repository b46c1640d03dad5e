package org.energycommons.workbench.jobs.federation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An NGSI-LD entity in the normalized representation (ETSI GS CIM 009): an id {@code urn:ngsi-ld:<Type>:<id>}, a
 * type, and members that are each a {@code Property} (a value, its unit and the time it was observed), a
 * {@code Relationship} (the id of another entity) or a {@code GeoProperty} (a GeoJSON geometry). Members keep the
 * order they were added in; a null value adds no member, as NGSI-LD has no null.
 */
public final class NgsiEntity {

    /** What an entity id starts with. */
    public static final String URN_PREFIX = "urn:ngsi-ld:";
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern MEMBER = Pattern.compile("[a-z][A-Za-z0-9]*");

    private final String id;
    private final String type;
    private final Map<String, Object> members = new LinkedHashMap<>();

    private NgsiEntity(String id, String type) {
        this.id = id;
        this.type = type;
    }

    /**
     * An entity of a type, its id made of the type and a local id; characters outside letters, digits and
     * {@code - . _ :} in the local id are percent-encoded, so that the id stays a valid URN.
     */
    public static NgsiEntity of(String type, String localId) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("an NGSI-LD type is a capitalised name of letters and digits, got '"
                    + type + "'");
        }
        if (localId == null || localId.isBlank()) {
            throw new IllegalArgumentException("an " + type + " entity needs a local id");
        }
        return new NgsiEntity(id(type, localId), type);
    }

    /** The entity id {@code urn:ngsi-ld:<Type>:<localId>} that {@link #of} gives, for relationships. */
    public static String id(String type, String localId) {
        StringBuilder encoded = new StringBuilder();
        for (String part : localId.split(":", -1)) {
            if (!encoded.isEmpty()) {
                encoded.append(':');
            }
            encoded.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A"));
        }
        return URN_PREFIX + type + ":" + encoded;
    }

    /** The entity's id. */
    public String id() {
        return id;
    }

    /** The entity's type. */
    public String type() {
        return type;
    }

    /** The names of the entity's members, in order. */
    public List<String> members() {
        return List.copyOf(members.keySet());
    }

    /** Whether the entity has a member of that name. */
    public boolean has(String member) {
        return members.containsKey(member);
    }

    /** A Property with a value (a string, number, boolean, list or map); none when the value is null. */
    public NgsiEntity property(String name, Object value) {
        return property(name, value, null, null);
    }

    /**
     * A Property with its unit (a UN/CEFACT common code such as {@code KWH}, {@code KWT}, {@code CEL}) and the
     * time it was observed; none when the value is null or a non-finite number.
     */
    public NgsiEntity property(String name, Object value, String unitCode, Instant observedAt) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            return this;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "Property");
        p.put("value", value instanceof LocalDate date ? date.toString() : value);
        if (unitCode != null) {
            p.put("unitCode", unitCode);
        }
        if (observedAt != null) {
            p.put("observedAt", observedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        return put(name, p);
    }

    /** A date-time Property, written as NGSI-LD's typed {@code DateTime} value. */
    public NgsiEntity dateTime(String name, Instant value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("@type", "DateTime");
        typed.put("@value", value.truncatedTo(ChronoUnit.SECONDS).toString());
        return put(name, member("Property", "value", typed));
    }

    /** A Relationship to the entity of that id; none when the id is null. */
    public NgsiEntity relationship(String name, String objectId) {
        if (objectId == null) {
            return this;
        }
        if (!objectId.startsWith(URN_PREFIX)) {
            throw new IllegalArgumentException("a relationship points to an entity id (urn:ngsi-ld:...), got '"
                    + objectId + "'");
        }
        return put(name, member("Relationship", "object", objectId));
    }

    /** A GeoProperty holding a GeoJSON point (WGS 84 longitude, latitude). */
    public NgsiEntity point(String name, double longitude, double latitude) {
        if (!(Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90)) {
            throw new IllegalArgumentException(name + ": not a WGS 84 point: " + longitude + ", " + latitude);
        }
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("type", "Point");
        point.put("coordinates", List.of(longitude, latitude));
        return put(name, member("GeoProperty", "value", point));
    }

    /** A member in NGSI-LD's order: its type first. */
    private static Map<String, Object> member(String type, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put(key, value);
        return m;
    }

    private NgsiEntity put(String name, Map<String, Object> member) {
        if (name == null || !MEMBER.matcher(name).matches() || name.equals("id") || name.equals("type")) {
            throw new IllegalArgumentException("an NGSI-LD member name is camelCase letters and digits (not id or "
                    + "type), got '" + name + "'");
        }
        if (members.putIfAbsent(name, member) != null) {
            throw new IllegalArgumentException(type + " " + id + ": member " + name + " given twice");
        }
        return this;
    }

    /** The entity as a JSON-LD object (id, type, members, then {@code @context}), for a JSON writer. */
    public Map<String, Object> toJsonLd(List<Object> context) {
        Objects.requireNonNull(context, "context");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("type", type);
        json.putAll(members);
        json.put("@context", context.size() == 1 ? context.get(0) : List.copyOf(context));
        return json;
    }
}
