package org.energycommons.workbench.models.uc5;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.OneStandardErrorRule;

/**
 * The uc5 modelling run: sets certified dwellings aside for selection, cross-validates every candidate model over
 * the other certified dwellings, fits every candidate on all of them, evaluates against the certificates and, for
 * evaluation only, against the noise-free truth (cross-validated dwellings, and dwellings without certificate),
 * selects the best model on validation, and derives the performance gap and the per-commune "passoires thermiques".
 *
 * <p><b>Split.</b> Certified dwellings are ordered within each certificate class (stratified, so that rare F/G
 * certificates reach every set) by a hash of the seed and {@code building_id}: the first
 * {@link Uc5Options#validationFraction} of each class is {@value #VALIDATION} (selection only), the rest is
 * {@value #TEST}, dealt in turn to {@link Uc5Options#folds} folds within its class. Dwellings without certificate
 * are {@value #UNCERTIFIED}: they get predictions, and their truth (where known) is a second held-out evaluation set.
 *
 * <p><b>Evaluation design.</b> The judged {@value #TEST} metrics are out-of-fold: each fold is predicted by the
 * candidate fitted on the other folds (never on validation dwellings), so the headlines rest on every certified
 * dwelling not used for selection instead of the fifth of them a single test split held. The model that is saved,
 * compared on validation and applied to the uncertified dwellings is the candidate fitted on every {@value #TEST}
 * dwelling; its in-sample figures are the {@code train} set. Chosen after the default region (300 meters, seed 42)
 * judged within-one-class accuracy and F/G recall on 17 certified test dwellings with 2 F/G (issue 16).
 *
 * <p><b>Selection.</b> The candidates are ranked by their {@link Uc5Metrics.ClassAgreement#selectionScore} against
 * the certificates of the validation dwellings (ties: the higher validation accuracy, then the lower validation
 * intensity error, then the name), and the best model is chosen by the {@link OneStandardErrorRule}: the ridge
 * regression ({@link #capacity} 0) unless the top-ranked tree ensemble beats it by more than one paired-bootstrap
 * standard error of the shortfall over the validation dwellings; otherwise the top-ranked candidate. The validation
 * set holds a fifth of the certificates, two to four F/G among them on a 300-meter region, so the plain ranking
 * chose among candidates mostly by chance. The best intensity model is the regression model with the lowest
 * validation intensity error. Neither reads the out-of-fold predictions or the truth.
 */
public final class Uc5Run {

    /** Certified dwellings used for model selection only. */
    public static final String VALIDATION = "validation";
    /** Certified dwellings cross-validated (predicted out of fold) and fitted on by the saved models. */
    public static final String TEST = "test";
    /** Column of a {@value #TEST} dwelling's fold, 0 to {@code folds - 1} (null for other dwellings). */
    public static final String FOLD = "fold";
    /** Dwellings without certificate. */
    public static final String UNCERTIFIED = "uncertified";
    /** Fewest metered days for a dwelling's performance gap. */
    public static final int MIN_GAP_DAYS = 60;
    /** Main heating energies fully metered (electricity, gas), for which metered use can be set against the DPE. */
    public static final List<String> METERED_HEATING = List.of("electricity", "heat_pump", "gas");

    private Uc5Run() {
    }

    /**
     * What a run produced.
     *
     * @param sufficient whether there were enough certified dwellings to train
     * @param message why not, or a one-line summary
     * @param models fitted models, in candidate order
     * @param evaluation model → its metrics on the test (judged), validation and train splits, in model order
     * @param bestModel the model selected on validation (null when insufficient)
     * @param bestIntensityModel the regression model with the lowest validation intensity error (null if none)
     * @param predictions every model's prediction for every dwelling (cached; see {@link #predictionColumns()})
     * @param testTruth per model, test split against the truth (evaluation only)
     * @param heldOutTruth per model, test split and uncertified dwellings against the truth
     * @param labelNoise the test certificates themselves against the truth
     * @param split split name → dwellings, and {@code folds} → the number of folds
     * @param gapMedianRatio median metered-to-certificate primary energy ratio of eligible dwellings
     * @param screenings per intensity model, the passoire screening of its saved model (out-of-fold log error
     *        scales)
     * @param selection how the best model was chosen (null when insufficient)
     */
    public record Outcome(boolean sufficient, String message, List<DpeModel> models,
                          Map<String, EvaluationSets> evaluation, String bestModel,
                          String bestIntensityModel, Dataset<Row> predictions, Map<String, Uc5Metrics.ClassAgreement> testTruth,
                          Map<String, Uc5Metrics.ClassAgreement> heldOutTruth, Uc5Metrics.ClassAgreement labelNoise, Map<String, Long> split,
                          double gapMedianRatio, Map<String, PassoireScreening> screenings,
                          OneStandardErrorRule.Choice selection) {
    }

    /** The candidate model types, in the order they are fitted and reported. */
    public static List<String> candidates() {
        List<String> all = new ArrayList<>(MllibDpeModel.TYPES);
        all.addAll(SmileDpeModel.TYPES);
        all.addAll(RidgeDpeModel.TYPES);
        return all;
    }

    /** The columns of {@link Outcome#predictions()} (the {@code uc5_predictions} table). */
    public static List<String> predictionColumns() {
        return List.of("building_id", "commune_code", "model", "approach", "is_best", "split", "certified",
                "certificate_class", "certificate_pe_kwh_m2", DpeModel.PREDICTED_CLASS, DpeModel.PREDICTED_PE,
                DpeModel.PREDICTED_GHG, "predicted_fg", PassoireScreening.FLAGGED_FG, "metered_pe_kwh_m2",
                "performance_gap_ratio", "performance_gap_flag", "reference_date");
    }

    /**
     * Assigns each dwelling its split and each {@value #TEST} dwelling its fold: within a certificate class, in the
     * order of a hash of the seed and {@code building_id}, the first {@link Uc5Options#validationFraction} is
     * {@value #VALIDATION} and the others are dealt to folds 0, 1, .., k-1, 0, 1, .. in turn.
     *
     * @return the features with {@code split} and {@value #FOLD} columns
     */
    public static Dataset<Row> split(Dataset<Row> features, Uc5Options options) {
        Column hash = xxhash64(lit(options.seed()), col("building_id"));
        Column position = col("rank").minus(0.5).divide(col("class_size"));
        Column isValidation = position.lt(options.validationFraction());
        return features
                .withColumn("rank", when(col("certified"), row_number().over(Window
                        .partitionBy("certificate_class")
                        .orderBy(hash, col("building_id")))))
                .withColumn("class_size", when(col("certified"), count(lit(1)).over(Window
                        .partitionBy("certificate_class"))))
                .withColumn("split", when(col("certified").equalTo(false), lit(UNCERTIFIED))
                        .when(isValidation, lit(VALIDATION))
                        .otherwise(lit(TEST)))
                // Validation ranks come first, so the test ranks of a class are consecutive: dealt evenly.
                .withColumn(FOLD, when(col("split").equalTo(TEST),
                        col("rank").minus(1).mod(options.folds()).cast("int")))
                .drop("rank", "class_size");
    }

    /** The dwellings a fold's model is fitted on: the {@value #TEST} dwellings of every other fold. */
    public static Dataset<Row> foldTraining(Dataset<Row> assigned, int fold) {
        return assigned.filter(col("split").equalTo(TEST).and(col(FOLD).notEqual(fold)));
    }

    /**
     * Runs the candidates.
     *
     * @param features the {@link Uc5Features} table
     * @param truth {@code building_id, true_class, true_primary_energy_kwh_m2}, for evaluation only; may be null
     * @param inputTables Delta versions of the tables read, for provenance
     * @param log progress lines
     */
    public static Outcome run(Dataset<Row> features, Dataset<Row> truth, Map<String, Long> inputTables,
                              Uc5Options options, Consumer<String> log) {
        Dataset<Row> assigned = split(features, options).cache();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String s : List.of(VALIDATION, TEST, UNCERTIFIED)) {
            sizes.put(s, 0L);
        }
        for (Row r : assigned.groupBy("split").count().collectAsList()) {
            sizes.put(r.getString(0), r.getLong(1));
        }
        long certified = sizes.get(VALIDATION) + sizes.get(TEST);
        // Every fold's fit must see two classes: the classes of the test dwellings outside each fold.
        Map<Integer, java.util.Set<String>> classesOutside = new HashMap<>();
        List<Row> pool = assigned.filter(col("split").equalTo(TEST)).select(FOLD, "certificate_class")
                .collectAsList();
        for (int f = 0; f < options.folds(); f++) {
            java.util.Set<String> classes = new java.util.HashSet<>();
            for (Row r : pool) {
                if (r.getInt(0) != f) {
                    classes.add(r.getString(1));
                }
            }
            classesOutside.put(f, classes);
        }
        int fewestClasses = classesOutside.values().stream().mapToInt(java.util.Set::size).min().orElse(0);
        if (certified < options.minCertified() || sizes.get(VALIDATION) == 0 || sizes.get(TEST) < options.folds()
                || fewestClasses < 2) {
            String message = String.format("insufficient data: %d certified dwellings (validation %d, "
                            + "cross-validated %d in %d folds, %d classes in the smallest fold's training set); uc5 "
                            + "needs at least %d with validation non-empty, a dwelling in every fold and two classes "
                            + "to learn", certified, sizes.get(VALIDATION), sizes.get(TEST), options.folds(),
                    fewestClasses, options.minCertified());
            assigned.unpersist();
            return new Outcome(false, message, List.of(), Map.of(), null, null, null, Map.of(), Map.of(),
                    Uc5Metrics.ClassAgreement.of(List.of(), List.of(), List.of(), new double[0], new double[0]), sizes, Double.NaN,
                    Map.of(), null);
        }
        sizes.put("folds", (long) options.folds());
        Map<String, String> splitDescription = new LinkedHashMap<>();
        splitDescription.put("method", "stratified by certificate class, hash of seed and building_id: validation "
                + "for selection, the rest in " + options.folds() + " folds");
        sizes.forEach((k, v) -> splitDescription.put(k, v + (k.equals("folds") ? "" : " dwellings")));
        DpeTrainingSet training = DpeTrainingSet.of(assigned.filter(col("split").equalTo(TEST)), options,
                inputTables, splitDescription);
        List<DpeTrainingSet> foldTraining = new ArrayList<>();
        for (int f = 0; f < options.folds(); f++) {
            Map<String, String> foldDescription = new LinkedHashMap<>(splitDescription);
            foldDescription.put("fitted_on", "test dwellings outside fold " + f + " (out-of-fold evaluation)");
            foldTraining.add(DpeTrainingSet.of(foldTraining(assigned, f), options, inputTables, foldDescription));
        }

        Dataset<Row> gap = performanceGap(assigned, options);
        double gapMedian = medianRatio(gap);
        // Metered use includes appliances the DPE leaves out: the flag measures the gap from the median ratio.
        Column flag = when(col("performance_gap_ratio").isNull().or(lit(Double.isNaN(gapMedian))),
                        lit(null).cast("boolean"))
                .otherwise(abs(log(col("performance_gap_ratio")).minus(Double.isNaN(gapMedian) ? 0.0 : Math.log(gapMedian)))
                        .gt(Math.log(1 + options.gapTolerance())));
        // One partition: a region has hundreds of dwellings, and each of the 7 × (1 + folds) predictions would
        // otherwise schedule a task per shuffle partition (the cross-validation's collects took minutes).
        Dataset<Row> scoredBase = assigned.join(gap.withColumn("performance_gap_flag", flag), "building_id")
                .coalesce(1).cache();

        Column[] published = predictionColumns().stream()
                .filter(c -> !c.equals("is_best") && !c.equals("predicted_fg"))
                .map(c -> col(c)).toArray(Column[]::new);
        List<DpeModel> models = new ArrayList<>();
        Dataset<Row> all = null;
        Dataset<Row> inSample = null;
        long cvStart = System.nanoTime();
        Map<String, PassoireScreening> screenings = new LinkedHashMap<>();
        List<Dataset<Row>> cached = new ArrayList<>();
        for (String type : candidates()) {
            long start = System.nanoTime();
            DpeModel model = fit(type, training, options);
            models.add(model);
            boolean regression = model.approach().equals(DpeModel.REGRESSION);
            Dataset<Row> scored = label(model.predict(scoredBase), model);
            // The published prediction of a cross-validated dwelling is its out-of-fold one.
            List<Dataset<Row>> foldPredictions = new ArrayList<>();
            for (int f = 0; f < options.folds(); f++) {
                DpeModel foldModel = fit(type, foldTraining.get(f), options);
                Dataset<Row> predicted = label(foldModel.predict(scoredBase.filter(col(FOLD).equalTo(f))), model)
                        .cache();
                foldPredictions.add(predicted);
                cached.add(predicted);
            }
            List<double[][]> foldResiduals = regression ? residuals(foldPredictions) : List.of();
            // Each fold is screened with the error scale of the other folds' out-of-fold residuals, so that no
            // dwelling's certificate sets its own flag; the saved model with the scale of all of them.
            PassoireScreening screening = screening(foldResiduals, -1, options);
            Dataset<Row> outOfFold = null;
            for (int f = 0; f < options.folds(); f++) {
                Column foldFlag = regression ? screening(foldResiduals, f, options).flag()
                        : PassoireScreening.byPredictedClass();
                Dataset<Row> predicted = foldPredictions.get(f).withColumn(PassoireScreening.FLAGGED_FG, foldFlag)
                        .select(published);
                outOfFold = outOfFold == null ? predicted : outOfFold.unionByName(predicted);
            }
            if (regression) {
                screenings.put(model.provenance().name(), screening);
            }
            scored = scored.withColumn(PassoireScreening.FLAGGED_FG, regression ? screening.flag()
                    : PassoireScreening.byPredictedClass());
            Dataset<Row> selected = scored.filter(col("split").notEqual(TEST)).select(published)
                    .unionByName(outOfFold);
            all = all == null ? selected : all.unionByName(selected);
            Dataset<Row> fitted = scored.filter(col("split").equalTo(TEST)).select(published);
            inSample = inSample == null ? fitted : inSample.unionByName(fitted);
            log.accept(String.format("fitted %s on %d certificates and on each of %d folds in %.1f s%s", type,
                    training.size(), options.folds(), (System.nanoTime() - start) / 1e9, regression
                            ? String.format(java.util.Locale.ROOT, " (out-of-fold log error σ %.3f on primary "
                            + "energy, %.3f on GHG)", screening.peLogScale(), screening.ghgLogScale()) : ""));
        }
        Dataset<Row> predictions = all.withColumn("predicted_fg", PassoireScreening.byPredictedClass())
                .cache();

        Map<String, String[]> truthByBuilding = new HashMap<>();
        if (truth != null) {
            for (Row r : truth.select(col("building_id"), col("true_class"),
                    col("true_primary_energy_kwh_m2").cast("string")).collectAsList()) {
                truthByBuilding.put(r.getString(0), new String[] {r.getString(1), r.getString(2)});
            }
        }
        String[] metricColumns = {"model", "split", "building_id", "certificate_class", "certificate_pe_kwh_m2",
                DpeModel.PREDICTED_CLASS, DpeModel.PREDICTED_PE, PassoireScreening.FLAGGED_FG};
        Map<String, Map<String, List<Row>>> rowsByModelAndSplit = new LinkedHashMap<>();
        String[] otherColumns = java.util.Arrays.copyOfRange(metricColumns, 1, metricColumns.length);
        for (Row r : predictions.select(metricColumns[0], otherColumns)
                .orderBy("model", "building_id").collectAsList()) {
            rowsByModelAndSplit.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<Row>> inSampleByModel = new LinkedHashMap<>();
        for (Row r : inSample.select(metricColumns[0], otherColumns)
                .orderBy("model", "building_id").collectAsList()) {
            inSampleByModel.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
        }
        log.accept(String.format("cross-validation: %d candidates × (1 + %d folds) fits and predictions in %.1f s",
                models.size(), options.folds(), (System.nanoTime() - cvStart) / 1e9));

        Map<String, EvaluationSets> metrics = new LinkedHashMap<>();
        Map<String, Uc5Metrics.ClassAgreement> validation = new LinkedHashMap<>();
        Map<String, Map<String, Uc5Metrics.Dwelling>> validationDwellings = new LinkedHashMap<>();
        Map<String, Uc5Metrics.ClassAgreement> testTruth = new LinkedHashMap<>();
        Map<String, Uc5Metrics.ClassAgreement> heldOut = new LinkedHashMap<>();
        Uc5Metrics.ClassAgreement labelNoise = null;
        for (DpeModel model : models) {
            String name = model.provenance().name();
            Map<String, List<Uc5Metrics.Dwelling>> bySplit = new LinkedHashMap<>();
            rowsByModelAndSplit.getOrDefault(name, Map.of()).forEach((s, rows) ->
                    bySplit.put(s, dwellings(rows, truthByBuilding)));
            List<Uc5Metrics.Dwelling> trainSplit = dwellings(inSampleByModel.getOrDefault(name, List.of()),
                    truthByBuilding);
            List<Uc5Metrics.Dwelling> validationSplit = bySplit.getOrDefault(VALIDATION, List.of());
            List<Uc5Metrics.Dwelling> test = bySplit.getOrDefault(TEST, List.of());
            List<Uc5Metrics.Dwelling> uncertified = bySplit.getOrDefault(UNCERTIFIED, List.of());
            List<Uc5Metrics.Dwelling> both = new ArrayList<>(test);
            both.addAll(uncertified);
            Uc5Metrics.ClassAgreement truthTest = Uc5Metrics.againstTruth(test);
            Uc5Metrics.ClassAgreement validationCert = Uc5Metrics.againstCertificates(validationSplit);
            validation.put(name, validationCert);
            Map<String, Uc5Metrics.Dwelling> byBuilding = new LinkedHashMap<>();
            validationSplit.forEach(d -> byBuilding.put(d.buildingId(), d));
            validationDwellings.put(name, byBuilding);
            testTruth.put(name, truthTest);
            heldOut.put(name, Uc5Metrics.againstTruth(both));
            if (labelNoise == null) {
                labelNoise = Uc5Metrics.certificatesAgainstTruth(test);
            }
            // The point values and every bootstrap replicate come from the same comparisons of the dwellings.
            Map<String, MetricInterval> testIntervals = new LinkedHashMap<>(Uc5Metrics.intervals(test,
                    Comparisons.TEST, false, options.seed()));
            testIntervals.putAll(Uc5Metrics.intervals(uncertified, Comparisons.UNCERTIFIED, false,
                    options.seed()));
            metrics.put(name, EvaluationSets.ofTimeSplit(Uc5Metrics.train(Uc5Metrics.againstCertificates(trainSplit)),
                            Uc5Metrics.validation(validationCert),
                            Uc5Metrics.test(truthTest, Uc5Metrics.againstCertificates(test),
                                    Uc5Metrics.againstTruth(uncertified)))
                    .withIntervals(EvaluationSets.TEST, testIntervals)
                    .withIntervals(EvaluationSets.VALIDATION, Uc5Metrics.intervals(validationSplit,
                            Comparisons.CERTIFICATE, true, options.seed()))
                    .withIntervals(EvaluationSets.TRAIN, Uc5Metrics.intervals(trainSplit,
                            Comparisons.CERTIFICATE, false, options.seed())));
        }

        // Candidates in the order of their validation ranking (score, then accuracy, then intensity error, then name),
        // so that the rule's ties fall as the ranking does.
        Map<String, Integer> capacity = new LinkedHashMap<>();
        models.stream()
                .map(m -> m.provenance().name())
                .sorted(Comparator.<String>comparingDouble(n -> -finite(validation.get(n).selectionScore(), -1))
                        .thenComparingDouble(n -> -finite(validation.get(n).accuracy(), -1))
                        .thenComparingDouble(n -> finite(validation.get(n).maeIntensity(), Double.MAX_VALUE))
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(n -> capacity.put(n, capacity(n)));
        // A score read on a few validation certificates (two to four F/G among them) ranks the candidates mostly by
        // chance: the linear model is kept unless a tree ensemble is better by more than one standard error.
        List<String> validationIds = validationDwellings.values().stream().findFirst().orElseThrow().keySet()
                .stream().sorted().toList();
        OneStandardErrorRule.Choice selection = OneStandardErrorRule.choose(capacity, validationIds,
                (name, ids) -> Uc5Metrics.againstCertificates(ids.stream()
                        .map(validationDwellings.get(name)::get).toList()).selectionScore(), options.seed());
        String best = selection.chosen();
        log.accept("selection (one-standard-error rule): " + selection.describe());
        String bestIntensity = models.stream()
                .filter(m -> m.approach().equals(DpeModel.REGRESSION))
                .map(m -> m.provenance().name())
                .min(Comparator.<String>comparingDouble(n -> finite(validation.get(n).maeIntensity(),
                        Double.MAX_VALUE)).thenComparing(Comparator.naturalOrder()))
                .orElse(null);
        Dataset<Row> withBest = predictions.withColumn("is_best", col("model").equalTo(best))
                .select(predictionColumns().stream().map(c -> col(c)).toArray(Column[]::new))
                .cache();
        withBest.count();
        predictions.unpersist();
        cached.forEach(Dataset::unpersist);
        scoredBase.unpersist();
        assigned.unpersist();
        String message = String.format("%d certified dwellings (validation %d, cross-validated %d in %d folds), %d "
                        + "without certificate; best model on validation (one-standard-error rule): %s", certified,
                sizes.get(VALIDATION), sizes.get(TEST), options.folds(), sizes.get(UNCERTIFIED), best);
        return new Outcome(true, message, models, metrics, best, bestIntensity, withBest, testTruth, heldOut,
                labelNoise, sizes, gapMedian, screenings, selection);
    }

    /**
     * Per fold, the log residuals {@code ln(certificate / prediction)} of primary energy and GHG of its out-of-fold
     * predictions (NaN unless both are positive), in one collect over the folds.
     */
    private static List<double[][]> residuals(List<Dataset<Row>> foldPredictions) {
        Dataset<Row> all = foldPredictions.stream().reduce(Dataset::unionByName).orElseThrow();
        List<List<double[]>> byFold = new ArrayList<>();
        foldPredictions.forEach(f -> byFold.add(new ArrayList<>()));
        for (Row r : all.select(col(FOLD), col("certificate_pe_kwh_m2"), col(DpeModel.PREDICTED_PE),
                col("certificate_ghg_kg_m2"), col(DpeModel.PREDICTED_GHG)).collectAsList()) {
            byFold.get(r.getInt(0)).add(new double[] {logResidual(r, 1, 2), logResidual(r, 3, 4)});
        }
        List<double[][]> out = new ArrayList<>();
        for (List<double[]> rows : byFold) {
            double[][] fold = new double[2][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                fold[0][i] = rows.get(i)[0];
                fold[1][i] = rows.get(i)[1];
            }
            out.add(fold);
        }
        return out;
    }

    private static double logResidual(Row r, int certificate, int prediction) {
        return r.isNullAt(certificate) || r.isNullAt(prediction) ? Double.NaN
                : PassoireScreening.logResidual(r.getDouble(certificate), r.getDouble(prediction));
    }

    /** The screening from the out-of-fold residuals of every fold but {@code leftOut} (-1: of every fold). */
    private static PassoireScreening screening(List<double[][]> foldResiduals, int leftOut, Uc5Options options) {
        java.util.stream.DoubleStream.Builder pe = java.util.stream.DoubleStream.builder();
        java.util.stream.DoubleStream.Builder ghg = java.util.stream.DoubleStream.builder();
        for (int f = 0; f < foldResiduals.size(); f++) {
            if (f != leftOut) {
                for (double v : foldResiduals.get(f)[0]) {
                    pe.add(v);
                }
                for (double v : foldResiduals.get(f)[1]) {
                    ghg.add(v);
                }
            }
        }
        return PassoireScreening.fromLogResiduals(pe.build().toArray(), ghg.build().toArray(),
                options.screeningProbability());
    }

    /**
     * The capacity rank of a candidate for the one-standard-error rule: 0 for the ridge regression (a dozen
     * coefficients), 1 for the tree ensembles (hundreds of leaves each).
     */
    static int capacity(String type) {
        return RidgeDpeModel.TYPES.contains(type) ? 0 : 1;
    }

    private static DpeModel fit(String type, DpeTrainingSet training, Uc5Options options) {
        if (RidgeDpeModel.TYPES.contains(type)) {
            return RidgeDpeModel.fit(training, options);
        }
        return MllibDpeModel.TYPES.contains(type) ? MllibDpeModel.fit(type, training, options)
                : SmileDpeModel.fit(type, training, options);
    }

    /** Predictions under the name and approach of the candidate (a fold's model stands for its candidate). */
    private static Dataset<Row> label(Dataset<Row> scored, DpeModel candidate) {
        return scored.withColumn("model", lit(candidate.provenance().name()))
                .withColumn("approach", lit(candidate.approach()));
    }

    private static double finite(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    private static double medianRatio(Dataset<Row> gap) {
        List<Double> logs = new ArrayList<>();
        for (Row r : gap.filter(col("performance_gap_ratio").isNotNull()).select("performance_gap_ratio")
                .collectAsList()) {
            logs.add(Math.log(r.getDouble(0)));
        }
        if (logs.isEmpty()) {
            return Double.NaN;
        }
        logs.sort(Comparator.naturalOrder());
        int n = logs.size();
        double median = n % 2 == 1 ? logs.get(n / 2) : (logs.get(n / 2 - 1) + logs.get(n / 2)) / 2;
        return Math.exp(median);
    }

    /**
     * The performance gap of each dwelling: metered primary energy over certificate primary energy, for certified
     * dwellings heated by a metered energy with at least {@value #MIN_GAP_DAYS} metered days (null otherwise).
     *
     * @return {@code building_id, performance_gap_ratio}
     */
    public static Dataset<Row> performanceGap(Dataset<Row> features, Uc5Options options) {
        Column eligible = col("certified")
                .and(col("heating_energy").isin(METERED_HEATING.toArray()))
                .and(col("metered_days").geq(MIN_GAP_DAYS))
                .and(col("certificate_pe_kwh_m2").gt(0))
                .and(col("metered_pe_kwh_m2").gt(0))
                .and(col("heating_energy").notEqual("gas").or(col("metered_gas_days").geq(MIN_GAP_DAYS)));
        return features.select(col("building_id"),
                when(eligible, col("metered_pe_kwh_m2").divide(col("certificate_pe_kwh_m2")))
                        .as("performance_gap_ratio"));
    }

    /**
     * The "passoires thermiques" per commune, from the best model's predictions: certified F/G dwellings plus
     * uncertified dwellings predicted F/G. Only communes the guard allows (at least its minimum number of
     * dwellings; each dwelling weighs 1) are kept.
     *
     * @param predictions the {@link Outcome#predictions()} table
     * @param communes silver {@code communes} (commune_code, name)
     * @return {@code commune_code, commune_name, dwellings, certified, certified_fg, uncertified,
     *     predicted_fg_uncertified, estimated_fg, estimated_fg_share, model}
     */
    public static Dataset<Row> communeFg(Dataset<Row> predictions, Dataset<Row> communes, SecrecyGuard guard) {
        Column certifiedFg = col("certified").and(col("certificate_class").isin("F", "G"));
        Column predictedFg = col("certified").equalTo(false).and(col("predicted_fg"));
        return predictions
                .filter(col("is_best"))
                .groupBy("commune_code")
                .agg(count(lit(1)).as("dwellings"),
                        sum(when(col("certified"), 1).otherwise(0)).as("certified"),
                        sum(when(certifiedFg, 1).otherwise(0)).as("certified_fg"),
                        sum(when(col("certified").equalTo(false), 1).otherwise(0)).as("uncertified"),
                        sum(when(predictedFg, 1).otherwise(0)).as("predicted_fg_uncertified"),
                        first("model").as("model"))
                .withColumn("largest_share", lit(1.0).divide(col("dwellings")))
                .filter(guard.allowsColumn("dwellings", "largest_share"))
                .withColumn("estimated_fg", col("certified_fg").plus(col("predicted_fg_uncertified")))
                .withColumn("estimated_fg_share", col("estimated_fg").divide(col("dwellings")))
                .join(communes.select(col("commune_code"), col("name").as("commune_name")),
                        new String[] {"commune_code"}, "left")
                .select("commune_code", "commune_name", "dwellings", "certified", "certified_fg", "uncertified",
                        "predicted_fg_uncertified", "estimated_fg", "estimated_fg_share", "model")
                .orderBy("commune_code");
    }

    /** The comparisons behind each published set's metrics, by key prefix, as functions of the dwellings. */
    static final class Comparisons {
        static final java.util.function.Function<List<Uc5Metrics.Dwelling>, Map<String, Uc5Metrics.ClassAgreement>>
                TEST = d -> {
                    Map<String, Uc5Metrics.ClassAgreement> m = new LinkedHashMap<>();
                    m.put("", Uc5Metrics.againstTruth(d));
                    m.put(Uc5Metrics.CERTIFICATE, Uc5Metrics.againstCertificates(d));
                    return m;
                };
        static final java.util.function.Function<List<Uc5Metrics.Dwelling>, Map<String, Uc5Metrics.ClassAgreement>>
                UNCERTIFIED = d -> Map.of(Uc5Metrics.UNCERTIFIED, Uc5Metrics.againstTruth(d));
        static final java.util.function.Function<List<Uc5Metrics.Dwelling>, Map<String, Uc5Metrics.ClassAgreement>>
                CERTIFICATE = d -> Map.of(Uc5Metrics.CERTIFICATE, Uc5Metrics.againstCertificates(d));

        private Comparisons() {
        }
    }

    /**
     * The collected prediction rows ({@code model, split, building_id, certificate_class, certificate_pe_kwh_m2,
     * predicted_class, predicted_pe_kwh_m2, flagged_fg}) as dwellings, with their truth where known.
     */
    private static List<Uc5Metrics.Dwelling> dwellings(List<Row> rows, Map<String, String[]> truth) {
        List<Uc5Metrics.Dwelling> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String[] t = truth.get(r.getString(2));
            String trueClass = t == null ? null : t[0];
            double truePe = t == null || t[1] == null ? Double.NaN : Double.parseDouble(t[1]);
            out.add(new Uc5Metrics.Dwelling(r.getString(2), r.isNullAt(3) ? null : r.getString(3),
                    r.isNullAt(4) ? Double.NaN : r.getDouble(4), r.getString(5),
                    r.isNullAt(6) ? Double.NaN : r.getDouble(6), r.getBoolean(7), trueClass, truePe));
        }
        return out;
    }
}
