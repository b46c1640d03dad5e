package org.energycommons.workbench.models.usecase;

/** A use-case id that the workbench does not know or does not run yet. */
public final class UnknownUseCaseException extends IllegalArgumentException {

    public UnknownUseCaseException(String message) {
        super(message);
    }
}
