package org.energycommons.workbench.jobs.hackathon;

/** A submission that cannot be scored: its message is the one line a team reads (exit code 2). */
public final class SubmissionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A submission error. */
    public SubmissionException(String message) {
        super(message);
    }
}
