package org.energycommons.workbench.models.mv;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The result of a baseline fit: either a model, or "insufficient data" with the reason (never an exception, so a
 * Spark job fitting thousands of buildings keeps going and reports the insufficient ones).
 *
 * @param sufficiency the data-sufficiency check of the baseline period
 * @param model the selected model; null when the data were insufficient
 * @param candidates what the search found per candidate type (empty when the data were insufficient)
 */
public record BaselineOutcome(DataSufficiency sufficiency, BaselineModel model, List<CandidateSummary> candidates)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public BaselineOutcome {
        Objects.requireNonNull(sufficiency, "sufficiency");
        candidates = List.copyOf(candidates);
        if (sufficiency.sufficient() != (model != null)) {
            throw new IllegalArgumentException("a model comes with, and only with, sufficient data");
        }
    }

    /** An outcome without model. */
    public static BaselineOutcome insufficient(DataSufficiency sufficiency) {
        return new BaselineOutcome(sufficiency, null, List.of());
    }

    /** Whether a model was fitted. */
    public boolean fitted() {
        return model != null;
    }

    /** {@code "fitted"} or {@code "insufficient_data"}. */
    public String status() {
        return fitted() ? "fitted" : "insufficient_data";
    }

    /** The data-sufficiency line, e.g. {@code insufficient data: 300 of 365 baseline days (82 %) < 90 %}. */
    public String message() {
        return sufficiency.message();
    }

    /** The model, or {@link InsufficientBaselineDataException} with the sufficiency message. */
    public BaselineModel modelOrThrow() {
        if (model == null) {
            throw new InsufficientBaselineDataException(sufficiency);
        }
        return model;
    }
}
