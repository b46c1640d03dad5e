package org.energycommons.workbench.models.usecase;

/**
 * Thrown when a model of any use case cannot be fitted or used for lack of data (no public building, no training
 * day, a reporting period without a valid day); a use case's run catches it and reports an "insufficient data"
 * outcome with NaN metrics instead of failing.
 */
public class InsufficientDataException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** With the reason, e.g. {@code "no training day"}. */
    public InsufficientDataException(String message) {
        super(message);
    }
}
