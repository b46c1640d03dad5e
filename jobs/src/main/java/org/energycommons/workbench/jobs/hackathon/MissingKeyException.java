package org.energycommons.workbench.jobs.hackathon;

/** The answer key of a task is not where it was looked for (exit code 3, a missing input). */
public final class MissingKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** A missing key. */
    public MissingKeyException(String message) {
        super(message);
    }
}
