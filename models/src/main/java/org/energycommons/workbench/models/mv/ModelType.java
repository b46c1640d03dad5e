package org.energycommons.workbench.models.mv;

/** The four CalTRACK daily candidate models. */
public enum ModelType {
    /** {@code usage = b0}. */
    INTERCEPT("intercept", 1),
    /** {@code usage = b0 + bh·HDD(h)}. */
    HDD("hdd", 2),
    /** {@code usage = b0 + bc·CDD(c)}. */
    CDD("cdd", 2),
    /** {@code usage = b0 + bh·HDD(h) + bc·CDD(c)}, {@code h ≤ c}. */
    HDD_CDD("hdd_cdd", 3);

    private final String id;
    private final int parameters;

    ModelType(String id, int parameters) {
        this.id = id;
        this.parameters = parameters;
    }

    /** The short name used in JSON and reports: {@code intercept}, {@code hdd}, {@code cdd}, {@code hdd_cdd}. */
    public String id() {
        return id;
    }

    /** Number of fitted parameters, intercept included (the {@code p} of the n − p conventions). */
    public int parameters() {
        return parameters;
    }

    /** Whether the model has a heating term. */
    public boolean heating() {
        return this == HDD || this == HDD_CDD;
    }

    /** Whether the model has a cooling term. */
    public boolean cooling() {
        return this == CDD || this == HDD_CDD;
    }

    /** The type of a short name. */
    public static ModelType ofId(String id) {
        for (ModelType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown model type '" + id + "'; known: intercept, hdd, cdd, hdd_cdd");
    }
}
