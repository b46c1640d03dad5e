package org.energycommons.workbench.datasets.lake;

/** A table a job needs has not been written yet: the message says which step produces it. */
public final class MissingTableException extends RuntimeException {

    private final TableId table;

    public MissingTableException(TableId table, String path) {
        super("table " + table + " does not exist at " + path + hint(table));
        this.table = table;
    }

    private static String hint(TableId table) {
        return switch (table.layer()) {
            case BRONZE, SILVER, TRUTH -> " (run 'workbench generate' or 'workbench ingest' first)";
            case GOLD_FEATURES -> " (run 'workbench features <use-case>' first)";
            case GOLD_RESULTS, REGISTRY -> " (run 'workbench train <use-case>' first)";
            case REJECTS -> "";
        };
    }

    /** The missing table. */
    public TableId table() {
        return table;
    }
}
