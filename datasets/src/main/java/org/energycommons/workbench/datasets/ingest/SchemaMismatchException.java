package org.energycommons.workbench.datasets.ingest;

/** A file whose columns are not those of the source it was given as: it is refused whole, nothing is written. */
public final class SchemaMismatchException extends IllegalArgumentException {

    public SchemaMismatchException(String message) {
        super(message);
    }
}
