package org.energycommons.workbench.models.benchmark.ett;

/**
 * Which test windows are scored.
 *
 * <p>{@link #allWindows()} scores every window. {@link #dropLast(int)} reproduces the original evaluation code of
 * the Informer/Autoformer/DLinear line of papers: it iterates a PyTorch {@code DataLoader} over the test windows
 * in order with {@code batch_size = 32} and {@code drop_last = True}, so only the first
 * {@code floor(n / 32) * 32} windows are scored and the last incomplete batch is silently left out (for ETTh1 and
 * H = 720: 2144 of 2161 windows). The published figures were computed that way.
 *
 * @param batchSize the batch size of the original loader (1 with {@code dropLast = false})
 * @param dropLast  whether the last incomplete batch is left out
 */
public record Evaluation(int batchSize, boolean dropLast) {

    /** The batch size of the original evaluation. */
    public static final int ORIGINAL_BATCH_SIZE = 32;

    /** Checks the values. */
    public Evaluation {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
    }

    /** Every window scored. */
    public static Evaluation allWindows() {
        return new Evaluation(1, false);
    }

    /** The first {@code floor(n / batchSize) * batchSize} windows scored. */
    public static Evaluation dropLast(int batchSize) {
        return new Evaluation(batchSize, true);
    }

    /** The original evaluation: batches of 32, last incomplete batch dropped. */
    public static Evaluation original() {
        return dropLast(ORIGINAL_BATCH_SIZE);
    }

    /** How many of {@code windows} windows (the first ones) are scored. */
    public int scored(int windows) {
        if (windows < 0) {
            throw new IllegalArgumentException("negative window count " + windows);
        }
        return dropLast ? windows / batchSize * batchSize : windows;
    }

    /** {@code all} or {@code drop_last_32}. */
    public String label() {
        return dropLast ? "drop_last_" + batchSize : "all";
    }
}
