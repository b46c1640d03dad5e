package org.energycommons.workbench.jobs.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The model an NGSI-LD entity type follows: a FIWARE Smart Data Model (its repository, the required members of its
 * published JSON schema and its JSON-LD context) or a type of the workbench's own, documented in
 * docs/federation.md with its JSON schema. Members outside the Smart Data Model, and every member of an own type,
 * are given full IRIs under {@value #OWN_TERMS} by an inline context, so that a broker never guesses them.
 *
 * @param type the entity type
 * @param smartDataModel the Smart Data Model ({@code dataModel.Building/Building}), or null for an own type
 * @param modelContext the model's JSON-LD context URL, or null for an own type
 * @param required the members every entity must have ({@code id} and {@code type} included), from the model's
 *                 schema (Smart Data Models) or this workbench's (own types)
 * @param modelMembers the other members of the Smart Data Model the export fills (none for an own type)
 * @param ownTerms the members of the workbench's own vocabulary, with what each holds
 */
public record EntityModel(String type, String smartDataModel, String modelContext, List<String> required,
                          List<String> modelMembers, Map<String, String> ownTerms) {

    /** The NGSI-LD core context, last in every entity's context. */
    public static final String CORE_CONTEXT = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld";
    /** The namespace of the workbench's own terms. */
    public static final String OWN_TERMS = "urn:energy-commons:terms:";

    public EntityModel {
        Objects.requireNonNull(type, "type");
        required = List.copyOf(required);
        modelMembers = List.copyOf(modelMembers);
        ownTerms = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(ownTerms)); // a stable order
        if (!required.contains("id") || !required.contains("type")) {
            throw new IllegalArgumentException(type + ": id and type are required members of every entity");
        }
        if ((smartDataModel == null) != (modelContext == null)) {
            throw new IllegalArgumentException(type + ": a Smart Data Model comes with its context, an own type with "
                    + "neither");
        }
    }

    /** Whether the type is one of the workbench's own (no Smart Data Model fits it). */
    public boolean own() {
        return smartDataModel == null;
    }

    /**
     * The entity's {@code @context}: the model's context, an inline definition of the workbench's own terms (the
     * own type's name among them), then the core context.
     */
    public List<Object> context() {
        List<Object> context = new ArrayList<>();
        if (modelContext != null) {
            context.add(modelContext);
        }
        Map<String, String> terms = new LinkedHashMap<>();
        if (own()) {
            terms.put(type, OWN_TERMS + type);
        }
        ownTerms.keySet().forEach(t -> terms.put(t, OWN_TERMS + t));
        if (!terms.isEmpty()) {
            context.add(terms);
        }
        context.add(CORE_CONTEXT);
        return List.copyOf(context);
    }

    /** The required members the entity lacks (none when it is complete); its type must be this model's. */
    public List<String> missing(NgsiEntity entity) {
        if (!entity.type().equals(type)) {
            throw new IllegalArgumentException("a " + entity.type() + " entity checked against the " + type
                    + " model");
        }
        return required.stream().filter(m -> !m.equals("id") && !m.equals("type") && !entity.has(m)).toList();
    }

    /** Members of the entity that neither the model nor the own vocabulary define (none in a correct export). */
    public List<String> undefined(NgsiEntity entity) {
        return entity.members().stream().filter(m -> !required.contains(m) && !modelMembers.contains(m)
                && !ownTerms.containsKey(m)).toList();
    }
}
