package org.energycommons.workbench.models.uc2;

/**
 * Thrown when a uc2 model cannot be fitted for lack of data (no public building, no training day); the detection
 * run catches it and reports an "insufficient data" outcome with NaN metrics instead of failing.
 */
public final class InsufficientDataException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** With the reason, e.g. {@code "no training day"}. */
    public InsufficientDataException(String message) {
        super(message);
    }
}
