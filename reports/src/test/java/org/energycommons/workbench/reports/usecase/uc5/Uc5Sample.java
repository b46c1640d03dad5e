/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc5;

import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.usecase.PageFixtures;

/**
 * A realistic, fully populated uc5 page: five models, every section filled, communes with long French names, the
 * figures of the default region's demo (a certified F/G recall on 7 dwellings, a small sample). The page tests and
 * the site's rendering checks share it.
 */
public final class Uc5Sample {

    /** The use case of the sample. */
    public static final UseCase UC5 = UseCases.require("uc5");

    /** The secrecy threshold of the sample: the French default, 10 dwellings. */
    public static final int MIN_POINTS = 10;

    /** The sample's selected model. */
    public static final String BEST = "gbt-smile-intensity";

    /** The sample's input tables and their versions. */
    public static final Map<String, Long> TABLES = tables("gold/features/uc5", 14L, "silver/dpe_certificates", 9L,
            "truth/dpe_classes", 3L);

    private Uc5Sample() {
    }

    /** The sample page data: every section filled. */
    public static Uc5PageData data() {
        return data(result());
    }

    /** The sample page data around another result (e.g. one whose samples are all large). */
    public static Uc5PageData data(UseCaseResult result) {
        long[][] test = {
            {2, 1, 0, 0, 0, 0, 0},
            {1, 4, 2, 0, 0, 0, 0},
            {0, 2, 9, 3, 0, 0, 0},
            {0, 0, 3, 14, 4, 0, 0},
            {0, 0, 0, 3, 11, 2, 0},
            {0, 0, 0, 0, 1, 3, 1},
            {0, 0, 0, 0, 0, 0, 2}};
        long[][] heldOut = {
            {5, 2, 0, 0, 0, 0, 0},
            {2, 11, 4, 0, 0, 0, 0},
            {0, 4, 27, 7, 1, 0, 0},
            {0, 0, 6, 41, 9, 0, 0},
            {0, 0, 1, 7, 38, 5, 0},
            {0, 0, 0, 0, 3, 12, 2},
            {0, 0, 0, 0, 0, 2, 8}};
        Map<String, double[]> recall = new LinkedHashMap<>();
        recall.put("gbt-smile-intensity", new double[] {0.714, 0.647, 0.692, 0.732, 0.745, 0.706, 0.8});
        recall.put("ridge-intensity", new double[] {0.571, 0.588, 0.641, 0.714, 0.706, 0.647, 0.9});
        recall.put("rf-smile-class", new double[] {0.429, 0.529, 0.718, 0.786, 0.627, 0.471, 0.5});
        recall.put("gbt-mllib-intensity", new double[] {Double.NaN, 0.471, 0.667, 0.75, 0.686, 0.588, 0.7});
        recall.put("rf-mllib-class", new double[] {0.286, 0.412, 0.744, 0.804, 0.569, 0.353, 0.4});
        double[] meanTrue = new double[20];
        double[] meanPredicted = new double[20];
        for (int i = 0; i < meanTrue.length; i++) {
            meanTrue[i] = 62 + 21.5 * i;
            meanPredicted[i] = 78 + 19.2 * i + (i % 3 == 0 ? 9 : -6);
        }
        // As the page queries give them: counts of dwellings from 1 to 9 left out (null).
        List<Uc5PageData.CommuneRow> communes = List.of(
                Uc5PageData.CommuneRow.published("99001", "Saint-Jean-de-la-Ruelle-sur-Loire",
                        412, 138, 19, 274, 31, 50, 0.121, MIN_POINTS),
                Uc5PageData.CommuneRow.published("99002", "Valbrune-les-Deux-Églises",
                        91, 35, 3, 56, 13, 16, 0.176, MIN_POINTS),
                Uc5PageData.CommuneRow.published("99003", "Sainte-Marie-aux-Chênes-du-Val",
                        156, 49, 8, 107, 17, 25, 0.160, MIN_POINTS),
                Uc5PageData.CommuneRow.published("99004", "Saint-Jean-de-Braye",
                        233, 81, 6, 152, 12, 18, 0.077, MIN_POINTS),
                Uc5PageData.CommuneRow.published("99005", "Montreuil-sous-Bois-le-Grand",
                        64, 19, 4, 45, 9, 13, 0.203, MIN_POINTS),
                Uc5PageData.CommuneRow.published("99006", "La Chapelle-Saint-Mesmin",
                        118, 40, 5, 78, 10, 15, 0.127, MIN_POINTS),
                Uc5PageData.CommuneRow.published("99007", "Châteauneuf-sur-Loire",
                        47, 14, 2, 33, 6, 8, 0.170, MIN_POINTS),
                Uc5PageData.CommuneRow.published("99008", "Orvault",
                        29, 11, 1, 18, 2, 3, 0.103, MIN_POINTS),
                Uc5PageData.CommuneRow.published("99009", "Villeneuve-d'Ascq-Haute-Borne",
                        187, 62, 7, 125, 14, 21, 0.112, MIN_POINTS),
                Uc5PageData.CommuneRow.published("99010", "Saint-Hilaire-Saint-Mesmin",
                        52, 17, 3, 35, 5, 8, 0.154, MIN_POINTS));
        Uc5PageData.GapDistribution gap = new Uc5PageData.GapDistribution(List.of("< 0.50", "0.50–0.67",
                "0.67–0.80", "0.80–1.00", "1.00–1.25", "1.25–1.50", "1.50–2.00", "≥ 2.00"),
                new long[] {11, 14, 23, 61, 58, 27, 16, 12}, 222, 53, 2.0712, 0.5);
        Map<String, String> split = new LinkedHashMap<>();
        split.put("method", "certified dwellings stratified by certificate class (hash of seed and building_id): 0.2 "
                + "validation (selection only), the rest test, cross-validated in 4 folds (each predicted by the "
                + "model fitted on the other folds); saved models fitted on every test dwelling");
        split.put("validation", "21 dwellings");
        split.put("test", "66 dwellings");
        split.put("uncertified", "136 dwellings");
        split.put("folds", "4");
        return new Uc5PageData(UC5, result, TABLES, PageFixtures.REGION, split,
                null, test, heldOut, recall, new Uc5PageData.IntensityGroups(BEST, 10, meanTrue, meanPredicted, 202),
                communes, gap, "2026-03-14T09:26:53.5Z", MIN_POINTS);
    }

    /** The sample's result: the demo's figures, {@value #BEST} selected, every criterion met. */
    public static UseCaseResult result() {
        List<UseCaseResult.ModelEntry> models = new ArrayList<>();
        models.add(model(BEST, "smile", "regression", test(0.667, 0.970, 0.512, 31.5, 1.0, 7, 0.583, 12, 0.652,
                1.0, 0.857, 14), 1.0, intervals(0.924, 0.652, 0.978, 0.667, 7, 12, 14)));
        models.add(model("ridge-intensity", "smile", "regression", test(0.621, 0.955, 0.468, 36.2, 0.857, 7, 0.5, 12,
                0.606, 0.985, 0.786, 14), 0.976, intervals(0.894, 0.571, 0.956, 0.571, 7, 12, 14)));
        models.add(model("rf-smile-class", "smile", "classification", test(0.606, 0.924, 0.455, Double.NaN, 0.571, 7,
                0.667, 6, 0.636, 0.949, 0.5, 14), 0.905, Map.of()));
        models.add(model("gbt-mllib-intensity", "spark-mllib", "regression", test(0.591, 0.939, 0.433, 38.9, 0.714,
                7, 0.455, 11, 0.591, 0.971, 0.643, 14), 0.929, Map.of()));
        models.add(model("rf-mllib-class", "spark-mllib", "classification", test(0.576, 0.909, 0.401, Double.NaN,
                0.429, 7, 0.6, 5, 0.621, 0.934, 0.357, 14), 0.881, Map.of()));
        return result(BEST, models);
    }

    /** A result of these models, with the provenance a uc5 run records. */
    public static UseCaseResult result(String best, List<UseCaseResult.ModelEntry> models) {
        return PageFixtures.result(UC5, best, models, TABLES, "status", "trained",
                "selection", "one-standard-error rule over 5 candidates: best validation score 1.000 ± 0.021",
                "best_intensity_model", BEST, "performance_gap_median_ratio", 2.071234567891,
                "label_noise", metrics("certificates_vs_truth_accuracy", 0.81, "certificates_vs_truth_rows", 87L));
    }

    /**
     * A uc5 model entry: its test metrics, its validation selection score and the intervals of its test metrics.
     *
     * @param approach {@code regression} or {@code classification}
     */
    public static UseCaseResult.ModelEntry model(String name, String engine, String approach,
                                                 Map<String, Object> test, double selectionScore,
                                                 Map<String, MetricInterval> intervals) {
        UseCaseResult.ModelEntry m = PageFixtures.model(name, engine, "uc5-" + name + "-20260314",
                test, metrics("selection_score", selectionScore, "certificate_rows", 21L),
                Map.of("approach", approach, "algorithm", name.replace('-', ' ')));
        return new UseCaseResult.ModelEntry(m.name(), m.engine(), m.modelId(),
                m.evaluation().withIntervals(EvaluationSets.TEST, intervals), m.notes());
    }

    /** The test metrics of a uc5 model on 66 certified test dwellings and 136 dwellings without a certificate. */
    private static Map<String, Object> test(double accuracy, double withinOne, double macroF1, double mae,
                                            double fgRecall, long fgRows, double fgPrecision, long flagged,
                                            double certificateAccuracy, double uncertifiedWithinOne,
                                            double uncertifiedFgRecall, long uncertifiedFgRows) {
        return metrics("accuracy", accuracy, "within_one_class_accuracy", withinOne, "macro_f1", macroF1,
                "mae_intensity", Double.isNaN(mae) ? null : mae, "fg_recall", fgRecall, "fg_precision", fgPrecision,
                "rows", 66L, "fg_rows", fgRows, "fg_flagged_rows", flagged,
                "certificate_accuracy", certificateAccuracy, "certificate_rows", 66L,
                "uncertified_within_one_class_accuracy", uncertifiedWithinOne,
                "uncertified_fg_recall", uncertifiedFgRecall, "uncertified_rows", 136L,
                "uncertified_fg_rows", uncertifiedFgRows);
    }

    private static Map<String, MetricInterval> intervals(double withinOneLow, double fgRecallLow,
                                                         double uncertifiedWithinOneLow, double uncertifiedFgLow,
                                                         int fg, int flagged, int uncertifiedFg) {
        return Map.of("within_one_class_accuracy", new MetricInterval(withinOneLow, 1.0, 66, "dwelling"),
                "accuracy", new MetricInterval(0.561, 0.758, 66, "dwelling"),
                "fg_recall", new MetricInterval(fgRecallLow, 1.0, fg, "fg_dwelling"),
                "fg_precision", new MetricInterval(0.333, 0.833, flagged, "flagged_dwelling"),
                "uncertified_within_one_class_accuracy", new MetricInterval(uncertifiedWithinOneLow, 1.0, 136,
                        "dwelling"),
                "uncertified_fg_recall", new MetricInterval(uncertifiedFgLow, 1.0, uncertifiedFg, "fg_dwelling"));
    }

    /** Table path → version, in the order given (a page lists them so, every time). */
    private static Map<String, Long> tables(Object... pathsAndVersions) {
        Map<String, Long> tables = new LinkedHashMap<>();
        PageFixtures.metrics(pathsAndVersions).forEach((path, version) -> tables.put(path, (Long) version));
        return Collections.unmodifiableMap(tables);
    }
}
