package org.energycommons.workbench.models.uc5;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.models.usecase.BootstrapIntervals;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.MetricMap;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;

/**
 * The uc5 metrics of one model on one split, as published in {@code uc5.json}: how well its DPE classes and
 * intensities agree with the certificates of the split's dwellings and, on the test split, with the noise-free
 * truth of the certified and of the uncertified dwellings (evaluation only). The validation split also carries the
 * score models are selected by.
 *
 * <p>Published keys: the truth comparison without prefix, then {@code certificate_*}, {@code uncertified_*} and
 * {@code selection_score}, each where present.
 *
 * <p>Intervals: every rate and error ({@code accuracy}, {@code within_one_class_accuracy}, {@code macro_f1},
 * {@code mae_intensity}, {@code fg_recall}, {@code fg_precision}, the selection score) gets a 90 % interval by bootstrap over dwellings
 * ({@link #intervals}), computed by the same functions that give the point values ({@link #againstTruth},
 * {@link #againstCertificates}); {@code rows} and {@code fg_rows} are sample sizes, not estimates, and get none. An
 * F/G recall rests on the reference F/G dwellings ({@code fg_dwelling}), an F/G precision on the flagged dwellings
 * ({@code flagged_dwelling}), every other metric on the dwellings compared.
 *
 * <p>F/G recall and precision read the screening flag ({@link PassoireScreening}), not the predicted class: the
 * share of reference passoires flagged as probable passoires, and the share of flagged dwellings that are.
 *
 * @param truth the test dwellings' predictions against the truth (test split only), or null
 * @param certificates the split's predictions against the certificates
 * @param uncertified the uncertified dwellings' predictions against the truth (test split only), or null
 * @param selectionScore {@link ClassAgreement#selectionScore} of the certificates (validation split only), or null
 */
public record Uc5Metrics(ClassAgreement truth, ClassAgreement certificates, ClassAgreement uncertified,
                         Double selectionScore) implements UseCaseMetrics {

    /** Prefix of the certificate comparison's keys. */
    public static final String CERTIFICATE = "certificate_";
    /** Prefix of the uncertified dwellings' comparison's keys. */
    public static final String UNCERTIFIED = "uncertified_";

    public Uc5Metrics {
        java.util.Objects.requireNonNull(certificates, "certificates");
    }

    /** The test split's metrics: against the truth, the certificates, and the uncertified dwellings' truth. */
    public static Uc5Metrics test(ClassAgreement truth, ClassAgreement certificates, ClassAgreement uncertified) {
        return new Uc5Metrics(truth, certificates, uncertified, null);
    }

    /** The validation split's metrics: against the certificates, with the selection score. */
    public static Uc5Metrics validation(ClassAgreement certificates) {
        return new Uc5Metrics(null, certificates, null, certificates.selectionScore());
    }

    /** The training split's metrics: against the certificates. */
    public static Uc5Metrics train(ClassAgreement certificates) {
        return new Uc5Metrics(null, certificates, null, null);
    }

    @Override
    public Map<String, Object> toMap() {
        MetricMap m = MetricMap.writing();
        if (truth != null) {
            m.putAll(truth.toMap(""));
        }
        m.putAll(certificates.toMap(CERTIFICATE));
        if (uncertified != null) {
            m.putAll(uncertified.toMap(UNCERTIFIED));
        }
        return m.putPresent("selection_score", selectionScore).toMap();
    }

    /** Reads the published form back ({@code null} values are undefined metrics, NaN). */
    public static Uc5Metrics fromMap(Map<String, Object> map) {
        ClassAgreement certificates = ClassAgreement.fromMap(map, CERTIFICATE);
        if (certificates == null) {
            throw new IllegalArgumentException("not a uc5 metric set (no " + CERTIFICATE + "rows): " + map.keySet());
        }
        return new Uc5Metrics(ClassAgreement.fromMap(map, ""), certificates, ClassAgreement.fromMap(map, UNCERTIFIED),
                MetricMap.reading(map).optional("selection_score"));
    }

    /**
     * One dwelling as a model predicted it, with its certificate and (evaluation only) its truth: the unit the
     * metrics are computed from and the bootstrap resamples.
     *
     * @param buildingId the dwelling
     * @param certificateClass its certificate class, null without certificate
     * @param certificatePe its certificate primary energy, kWh/m²/yr (NaN when unknown)
     * @param predictedClass the predicted class
     * @param predictedPe the predicted primary energy (NaN for a classifier)
     * @param flaggedFg whether the dwelling is flagged as a probable passoire ({@link PassoireScreening})
     * @param trueClass the noise-free true class, null when unknown
     * @param truePe the true primary energy (NaN when unknown)
     */
    public record Dwelling(String buildingId, String certificateClass, double certificatePe, String predictedClass,
                           double predictedPe, boolean flaggedFg, String trueClass, double truePe) {
    }

    /** The predictions of the dwellings that have a true class, against that truth. */
    public static ClassAgreement againstTruth(List<Dwelling> dwellings) {
        List<Dwelling> known = dwellings.stream().filter(d -> d.trueClass() != null).toList();
        return ClassAgreement.of(known.stream().map(Dwelling::trueClass).toList(),
                known.stream().map(Dwelling::predictedClass).toList(),
                known.stream().map(Dwelling::flaggedFg).toList(),
                known.stream().mapToDouble(Dwelling::truePe).toArray(),
                known.stream().mapToDouble(Dwelling::predictedPe).toArray());
    }

    /** The predictions of the certified dwellings, against their certificates. */
    public static ClassAgreement againstCertificates(List<Dwelling> dwellings) {
        List<Dwelling> certified = dwellings.stream().filter(d -> d.certificateClass() != null).toList();
        return ClassAgreement.of(certified.stream().map(Dwelling::certificateClass).toList(),
                certified.stream().map(Dwelling::predictedClass).toList(),
                certified.stream().map(Dwelling::flaggedFg).toList(),
                certified.stream().mapToDouble(Dwelling::certificatePe).toArray(),
                certified.stream().mapToDouble(Dwelling::predictedPe).toArray());
    }

    /** The certificates themselves against the truth, on the certified dwellings whose truth is known. */
    public static ClassAgreement certificatesAgainstTruth(List<Dwelling> dwellings) {
        List<Dwelling> known = dwellings.stream()
                .filter(d -> d.trueClass() != null && d.certificateClass() != null).toList();
        return ClassAgreement.of(known.stream().map(Dwelling::trueClass).toList(),
                known.stream().map(Dwelling::certificateClass).toList(),
                known.stream().map(d -> DpeThresholds.isPassoire(d.certificateClass())).toList(),
                known.stream().mapToDouble(Dwelling::truePe).toArray(),
                known.stream().mapToDouble(Dwelling::certificatePe).toArray());
    }

    /**
     * The 90 % interval of every estimated metric of comparisons made on dwellings, by bootstrap over the dwellings.
     *
     * @param dwellings the dwellings compared
     * @param comparisons the comparisons of a list of dwellings by key prefix (the functions of the point values)
     * @param selectionScore whether to add the {@code selection_score} of the {@link #CERTIFICATE} comparison
     * @param seed the bootstrap seed (the run's seed)
     */
    public static Map<String, MetricInterval> intervals(List<Dwelling> dwellings,
                                                        Function<List<Dwelling>, Map<String, ClassAgreement>> comparisons,
                                                        boolean selectionScore, long seed) {
        Function<List<Dwelling>, Map<String, Double>> estimates = sample -> {
            Map<String, Double> out = new LinkedHashMap<>();
            comparisons.apply(sample).forEach((prefix, a) -> out.putAll(a.estimates(prefix)));
            if (selectionScore) {
                out.put("selection_score", comparisons.apply(sample).get(CERTIFICATE).selectionScore());
            }
            return out;
        };
        Map<String, MetricInterval> intervals = BootstrapIntervals.of(dwellings, "dwelling", estimates, seed);
        comparisons.apply(dwellings).forEach((prefix, a) -> {
            Map<String, Double> point = a.estimates("");
            for (String key : ClassAgreement.ESTIMATES) {
                double v = point.get(key);
                intervals.computeIfPresent(prefix + key, (k, i) -> switch (key) {
                    case "fg_recall" -> i.withShareSample(v, (int) a.fgReference(), "fg_dwelling");
                    case "fg_precision" -> i.withShareSample(v, (int) a.fgFlagged(), "flagged_dwelling");
                    case "accuracy", "within_one_class_accuracy" -> i.withShareSample(v, (int) a.rows(), "dwelling");
                    default -> i.withSample((int) a.rows(), "dwelling");
                });
            }
        });
        return intervals;
    }

    /**
     * How well predicted DPE classes and intensities match reference ones (the noise-free truth, or the certificates)
     * on a set of dwellings.
     *
     * @param rows dwellings compared
     * @param accuracy share with exactly the reference class
     * @param withinOneClassAccuracy share at most one class away from the reference
     * @param macroF1 unweighted mean of the per-class F1 over classes present in the reference or the predictions
     * @param maeIntensity mean absolute error of primary energy, kWh/m²/yr ({@code NaN} for a classifier)
     * @param fgRecall share of reference F/G dwellings flagged as probable passoires ({@code NaN} when there is
     *     none)
     * @param fgReference reference F/G dwellings
     * @param fgPrecision share of flagged dwellings whose reference class is F or G ({@code NaN} when none is
     *     flagged)
     * @param fgFlagged dwellings flagged as probable passoires
     * @param confusion counts, row = reference class index, column = predicted class index (A..G); null when read
     *     back from the published form
     */
    public record ClassAgreement(long rows, double accuracy, double withinOneClassAccuracy, double macroF1,
                                     double maeIntensity, double fgRecall, long fgReference, double fgPrecision,
                                     long fgFlagged, long[][] confusion) {

        /**
         * Compares predictions with references.
         *
         * @param reference reference class letters
         * @param predicted predicted class letters, aligned
         * @param flagged whether each dwelling is flagged as a probable passoire, aligned
         * @param referencePe reference primary energy (may hold {@code NaN})
         * @param predictedPe predicted primary energy ({@code NaN} when not predicted)
         * @throws IllegalArgumentException when lengths differ or a letter is not a DPE class
         */
        public static ClassAgreement of(List<String> reference, List<String> predicted, List<Boolean> flagged,
                                        double[] referencePe, double[] predictedPe) {
            int n = reference.size();
            if (predicted.size() != n || flagged.size() != n || referencePe.length != n || predictedPe.length != n) {
                throw new IllegalArgumentException("reference and predictions differ in length: " + n + ", "
                        + predicted.size() + ", " + flagged.size() + ", " + referencePe.length + ", "
                        + predictedPe.length);
            }
            int k = DpeThresholds.CLASSES.size();
            long[][] confusion = new long[k][k];
            long exact = 0;
            long withinOne = 0;
            long fg = 0;
            long fgHit = 0;
            long flags = 0;
            long flagHit = 0;
            double absError = 0;
            long errors = 0;
            for (int i = 0; i < n; i++) {
                int r = DpeThresholds.indexOf(reference.get(i));
                int p = DpeThresholds.indexOf(predicted.get(i));
                confusion[r][p]++;
                exact += r == p ? 1 : 0;
                withinOne += Math.abs(r - p) <= 1 ? 1 : 0;
                boolean isFg = DpeThresholds.isPassoire(reference.get(i));
                boolean isFlagged = flagged.get(i);
                fg += isFg ? 1 : 0;
                fgHit += isFg && isFlagged ? 1 : 0;
                flags += isFlagged ? 1 : 0;
                flagHit += isFlagged && isFg ? 1 : 0;
                if (Double.isFinite(referencePe[i]) && Double.isFinite(predictedPe[i])) {
                    absError += Math.abs(referencePe[i] - predictedPe[i]);
                    errors++;
                }
            }
            return new ClassAgreement(n, n == 0 ? Double.NaN : (double) exact / n,
                    n == 0 ? Double.NaN : (double) withinOne / n, macroF1(confusion),
                    errors == 0 ? Double.NaN : absError / errors, fg == 0 ? Double.NaN : (double) fgHit / fg, fg,
                    flags == 0 ? Double.NaN : (double) flagHit / flags, flags, confusion);
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

        /**
         * Recall of each class A..G ({@code NaN} for a class absent from the reference, or for every class when read
         * back from the published form, which has no confusion matrix).
         */
        public double[] classRecall() {
            if (confusion == null) {
                double[] none = new double[DpeThresholds.CLASSES.size()];
                java.util.Arrays.fill(none, Double.NaN);
                return none;
            }
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

        /** The estimated metrics' published names (every name of {@link #KEYS} but the counts). */
        public static final List<String> ESTIMATES = List.of("accuracy", "within_one_class_accuracy", "macro_f1",
                "mae_intensity", "fg_recall", "fg_precision");

        /** The estimated metrics under their published names with {@code prefix}; undefined ones are NaN. */
        public Map<String, Double> estimates(String prefix) {
            Map<String, Double> out = new LinkedHashMap<>();
            double[] values = {accuracy, withinOneClassAccuracy, macroF1, maeIntensity, fgRecall, fgPrecision};
            for (int i = 0; i < values.length; i++) {
                out.put(prefix + ESTIMATES.get(i), values[i]);
            }
            return out;
        }

        /** The published names of the comparison, in publication order, each after its prefix. */
        public static final List<String> KEYS = List.of("accuracy", "within_one_class_accuracy", "macro_f1",
                "mae_intensity", "fg_recall", "fg_precision", "rows", "fg_rows", "fg_flagged_rows");

        /**
         * The metrics under their published names, with {@code prefix} before each (e.g. {@code certificate_});
         * undefined values are NaN (null in the JSON).
         */
        public Map<String, Object> toMap(String prefix) {
            return MetricMap.of(KEYS.stream().map(name -> prefix + name).toList(), accuracy, withinOneClassAccuracy,
                    macroF1, maeIntensity, fgRecall, fgPrecision, rows, fgReference, fgFlagged);
        }

        /**
         * Reads the metrics published under {@code prefix} back (without the confusion matrix, which is not
         * published), or null when the map has none.
         */
        public static ClassAgreement fromMap(Map<String, Object> map, String prefix) {
            MetricMap v = MetricMap.reading(map);
            if (!v.has(prefix + "rows")) {
                return null;
            }
            return new ClassAgreement(v.total(prefix + "rows"), v.number(prefix + "accuracy"),
                    v.number(prefix + "within_one_class_accuracy"), v.number(prefix + "macro_f1"),
                    v.number(prefix + "mae_intensity"), v.number(prefix + "fg_recall"), v.total(prefix + "fg_rows"),
                    v.number(prefix + "fg_precision"), v.total(prefix + "fg_flagged_rows"), null);
        }

        /**
         * The validation score models are ranked by: the mean of within-one-class accuracy and F/G recall (the two
         * declared criteria), or within-one-class accuracy alone when there is no F/G dwelling.
         */
        public double selectionScore() {
            return Double.isNaN(fgRecall) ? withinOneClassAccuracy : (withinOneClassAccuracy + fgRecall) / 2;
        }
    }
}
