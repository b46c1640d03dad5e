package org.energycommons.workbench.datasets.lake;

/** A layer of the lake, as described in docs/design.md#lake-layers; the name is the folder under the lake root. */
public enum Layer {
    /** Raw rows as typed by a connector or the generator, with ingestion metadata. */
    BRONZE("bronze"),
    /** Rows that failed parsing or validation, with the reason. */
    REJECTS("_rejects"),
    /** Cleaned, conformed, pseudonymised entities. */
    SILVER("silver"),
    /** Ground truth of the synthetic region, read only by evaluation. */
    TRUTH("truth"),
    /** Point-in-time feature tables and aggregates. */
    GOLD_FEATURES("gold/features"),
    /** Predictions, alerts, segments, savings and metrics. */
    GOLD_RESULTS("gold/results"),
    /** The model registry. */
    REGISTRY("registry");

    private final String folder;

    Layer(String folder) {
        this.folder = folder;
    }

    /** The folder of this layer under the lake root. */
    public String folder() {
        return folder;
    }
}
