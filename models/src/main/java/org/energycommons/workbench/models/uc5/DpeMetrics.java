package org.energycommons.workbench.models.uc5;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.models.provenance.Json;

/**
 * How well predicted DPE classes and intensities match reference ones (the noise-free truth, or the certificates)
 * on a set of dwellings.
 *
 * @param rows dwellings compared
 * @param accuracy share with exactly the reference class
 * @param withinOneClassAccuracy share at most one class away from the reference
 * @param macroF1 unweighted mean of the per-class F1 over classes present in the reference or the predictions
 * @param maeIntensity mean absolute error of primary energy, kWh/m²/yr ({@code NaN} for a classifier)
 * @param fgRecall share of reference F/G dwellings predicted F or G ({@code NaN} when there is none)
 * @param fgReference reference F/G dwellings
 * @param confusion counts, row = reference class index, column = predicted class index (A..G)
 */
public record DpeMetrics(long rows, double accuracy, double withinOneClassAccuracy, double macroF1,
                         double maeIntensity, double fgRecall, long fgReference, long[][] confusion) {

    /**
     * Compares predictions with references.
     *
     * @param reference reference class letters
     * @param predicted predicted class letters, aligned
     * @param referencePe reference primary energy (may hold {@code NaN})
     * @param predictedPe predicted primary energy ({@code NaN} when not predicted)
     * @throws IllegalArgumentException when lengths differ or a letter is not a DPE class
     */
    public static DpeMetrics of(List<String> reference, List<String> predicted, double[] referencePe,
                                double[] predictedPe) {
        int n = reference.size();
        if (predicted.size() != n || referencePe.length != n || predictedPe.length != n) {
            throw new IllegalArgumentException("reference and predictions differ in length: " + n + ", "
                    + predicted.size() + ", " + referencePe.length + ", " + predictedPe.length);
        }
        int k = DpeThresholds.CLASSES.size();
        long[][] confusion = new long[k][k];
        long exact = 0;
        long withinOne = 0;
        long fg = 0;
        long fgHit = 0;
        double absError = 0;
        long errors = 0;
        for (int i = 0; i < n; i++) {
            int r = DpeThresholds.indexOf(reference.get(i));
            int p = DpeThresholds.indexOf(predicted.get(i));
            confusion[r][p]++;
            exact += r == p ? 1 : 0;
            withinOne += Math.abs(r - p) <= 1 ? 1 : 0;
            if (DpeThresholds.isPassoire(reference.get(i))) {
                fg++;
                fgHit += DpeThresholds.isPassoire(predicted.get(i)) ? 1 : 0;
            }
            if (Double.isFinite(referencePe[i]) && Double.isFinite(predictedPe[i])) {
                absError += Math.abs(referencePe[i] - predictedPe[i]);
                errors++;
            }
        }
        return new DpeMetrics(n, n == 0 ? Double.NaN : (double) exact / n,
                n == 0 ? Double.NaN : (double) withinOne / n, macroF1(confusion),
                errors == 0 ? Double.NaN : absError / errors, fg == 0 ? Double.NaN : (double) fgHit / fg, fg,
                confusion);
    }

    private static double macroF1(long[][] confusion) {
        int k = confusion.length;
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < k; c++) {
            long tp = confusion[c][c];
            long referenceCount = 0;
            long predictedCount = 0;
            for (int j = 0; j < k; j++) {
                referenceCount += confusion[c][j];
                predictedCount += confusion[j][c];
            }
            if (referenceCount == 0 && predictedCount == 0) {
                continue;
            }
            classes++;
            sum += 2.0 * tp / (referenceCount + predictedCount);
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    /** Recall of each class A..G ({@code NaN} for a class absent from the reference). */
    public double[] classRecall() {
        double[] recall = new double[confusion.length];
        for (int c = 0; c < confusion.length; c++) {
            long total = 0;
            for (long v : confusion[c]) {
                total += v;
            }
            recall[c] = total == 0 ? Double.NaN : (double) confusion[c][c] / total;
        }
        return recall;
    }

    /** The metrics under their published names, with {@code prefix} before each (e.g. {@code certificate_}). */
    public Map<String, Object> toMap(String prefix) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(prefix + "accuracy", Json.finiteOrNull(accuracy));
        m.put(prefix + "within_one_class_accuracy", Json.finiteOrNull(withinOneClassAccuracy));
        m.put(prefix + "macro_f1", Json.finiteOrNull(macroF1));
        m.put(prefix + "mae_intensity", Json.finiteOrNull(maeIntensity));
        m.put(prefix + "fg_recall", Json.finiteOrNull(fgRecall));
        m.put(prefix + "rows", rows);
        m.put(prefix + "fg_rows", fgReference);
        return m;
    }

    /**
     * The validation score models are ranked by: the mean of within-one-class accuracy and F/G recall (the two
     * declared criteria), or within-one-class accuracy alone when there is no F/G dwelling.
     */
    public double selectionScore() {
        return Double.isNaN(fgRecall) ? withinOneClassAccuracy : (withinOneClassAccuracy + fgRecall) / 2;
    }
}
