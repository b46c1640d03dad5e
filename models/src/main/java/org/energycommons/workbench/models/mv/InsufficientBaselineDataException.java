package org.energycommons.workbench.models.mv;

import org.energycommons.workbench.models.usecase.InsufficientDataException;

import java.util.Objects;

/**
 * The insufficient data of an M&amp;V baseline, with the sufficiency check that failed: thrown only when a caller asks for a model that could not be fitted ({@link BaselineOutcome#modelOrThrow()}) or
 * for savings over a reporting period without a single valid day; the fit itself never throws for missing data,
 * it returns a {@link BaselineOutcome} saying so.
 */
public final class InsufficientBaselineDataException extends InsufficientDataException {

    private static final long serialVersionUID = 1L;

    private final DataSufficiency sufficiency;

    /** For a period that failed the sufficiency check. */
    public InsufficientBaselineDataException(DataSufficiency sufficiency) {
        super(Objects.requireNonNull(sufficiency, "sufficiency").message());
        this.sufficiency = sufficiency;
    }

    /** The check that failed. */
    public DataSufficiency sufficiency() {
        return sufficiency;
    }
}
