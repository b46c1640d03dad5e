package org.energycommons.workbench.jobs.usecase.uc5;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.uc5.PassoireScreening;
import org.energycommons.workbench.models.uc5.Uc5Metrics;
import org.energycommons.workbench.models.uc5.Uc5Run;
import org.energycommons.workbench.models.uc5.Uc5Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.UseCasePage;
import org.energycommons.workbench.reports.usecase.uc5.Uc5Page;
import org.energycommons.workbench.reports.usecase.uc5.Uc5PageData;

/**
 * The data of the uc5 page: every figure from {@code uc5.json} and the gold tables (and, for evaluation figures, the
 * truth table), every aggregate passed through the {@link SecrecyGuard}.
 */
final class Uc5PageQueries {

    /** Bin edges of the performance gap, as a ratio to the median metered-to-certificate ratio. */
    static final double[] GAP_EDGES = {0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0};

    private Uc5PageQueries() {
    }

    /** The page's HTML: its data from the result and the gold tables, rendered. */
    static UseCasePipeline.Rendered page(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                         RegionDescription region) {
        return UseCasePipeline.Rendered.of(pageData(ctx, result, guard, region), Uc5Page::render,
                Uc5Page::territory);
    }

    /** The index headline: the best model's within-one-class accuracy and F/G recall. */
    static String headline(UseCaseResult result, Lang lang) {
        UseCaseResult.ModelEntry m = UseCasePage.best(result);
        return String.format(Locale.ROOT, lang.t("%.0f %% à une classe près, rappel F/G %.0f %%",
                "%.0f %% within one class, F/G recall %.0f %%"), 100 * m.judged().value("within_one_class_accuracy"),
                100 * m.judged().value("fg_recall"));
    }

    /** The page's data, computed from gold tables and passed through the secrecy guard. */
    @SuppressWarnings("unchecked")
    static Uc5PageData pageData(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                RegionDescription region) {
        RunProvenance provenance = RunProvenance.fromMap(result.provenance());
        Map<String, String> split = provenance.splitSets();
        Map<String, Long> versions = provenance.inputTables();
        String generated = Instant.now().toString();
        Lake lake = ctx.lake();
        if (Uc5Pipeline.insufficient(result) || !lake.exists(Uc5Tables.PREDICTIONS)) {
            Object message = result.provenance() == null ? null : result.provenance().get("message");
            return new Uc5PageData(UseCases.UC5, result, versions, region, split,
                    message == null ? Uc5Pipeline.INSUFFICIENT : message.toString(), null, null, Map.of(), null,
                    List.of(), null, generated, guard.minPoints());
        }

        Map<String, String[]> truth = new HashMap<>();
        if (lake.exists(Tables.TRUTH_DPE)) {
            for (Row r : lake.read(Tables.TRUTH_DPE).select(col("building_id"), col("true_class"),
                    col("true_primary_energy_kwh_m2")).collectAsList()) {
                truth.put(r.getString(0), new String[] {r.getString(1), r.isNullAt(2) ? null
                        : String.valueOf(r.getDouble(2))});
            }
        }
        List<Row> heldOut = lake.read(Uc5Tables.PREDICTIONS)
                .filter(col("split").isin(Uc5Run.TEST, Uc5Run.UNCERTIFIED))
                .select("model", "is_best", "split", "building_id", "predicted_class", "predicted_pe_kwh_m2",
                        PassoireScreening.FLAGGED_FG)
                .orderBy("model", "building_id")
                .collectAsList();
        Map<String, List<Row>> byModel = new LinkedHashMap<>();
        heldOut.forEach(r -> byModel.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r));

        long[][] confusionTest = null;
        long[][] confusionHeldOut = null;
        Map<String, double[]> recall = new LinkedHashMap<>();
        for (Map.Entry<String, List<Row>> e : byModel.entrySet()) {
            Uc5Metrics.ClassAgreement all = metrics(e.getValue(), truth, false);
            recall.put(e.getKey(), all.classRecall());
            if (e.getKey().equals(result.bestModel())) {
                confusionHeldOut = all.confusion();
                confusionTest = metrics(e.getValue(), truth, true).confusion();
            }
        }

        Object intensityModel = result.provenance().get("best_intensity_model");
        Uc5PageData.IntensityGroups groups = intensityGroups(byModel.get(String.valueOf(intensityModel)), truth,
                guard, String.valueOf(intensityModel));

        List<Uc5PageData.CommuneRow> communes = new ArrayList<>();
        if (lake.exists(Uc5Tables.COMMUNE_FG)) {
            for (Row r : lake.read(Uc5Tables.COMMUNE_FG).orderBy("commune_code").collectAsList()) {
                long dwellings = r.getAs("dwellings");
                if (!guard.allows(dwellings, 1.0 / dwellings)) {
                    continue;
                }
                // Counts of dwellings below the threshold are left out (docs/publication-policy.md).
                communes.add(Uc5PageData.CommuneRow.published(r.getAs("commune_code"), r.getAs("commune_name"),
                        dwellings, r.<Long>getAs("certified"), r.<Long>getAs("certified_fg"),
                        r.<Long>getAs("uncertified"), r.<Long>getAs("predicted_fg_uncertified"),
                        r.<Long>getAs("estimated_fg"), r.<Double>getAs("estimated_fg_share"), guard.minPoints()));
            }
        }

        Map<String, String> options = result.provenance().get("options") instanceof Map<?, ?> o
                ? (Map<String, String>) o : Map.of();
        double tolerance = Double.parseDouble(String.valueOf(options.getOrDefault("gap_tolerance", "0.5")));
        Uc5PageData.GapDistribution gap = gap(lake.read(Uc5Tables.PREDICTIONS)
                .filter(col("is_best").and(col("performance_gap_ratio").isNotNull()))
                .select("performance_gap_ratio", "performance_gap_flag")
                .collectAsList(), guard, result.provenance().get("performance_gap_median_ratio") instanceof Number n
                        ? n.doubleValue() : Double.NaN, tolerance);

        return new Uc5PageData(UseCases.UC5, result, versions, region, split, null, confusionTest,
                confusionHeldOut, recall, groups, communes, gap, generated, guard.minPoints());
    }

    private static Uc5Metrics.ClassAgreement metrics(List<Row> rows, Map<String, String[]> truth, boolean testOnly) {
        List<String> reference = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<Boolean> flagged = new ArrayList<>();
        for (Row r : rows) {
            String[] tr = truth.get(r.getString(3));
            if (tr == null || (testOnly && !r.getString(2).equals(Uc5Run.TEST))) {
                continue;
            }
            reference.add(tr[0]);
            predicted.add(r.getString(4));
            flagged.add(r.getBoolean(6));
        }
        double[] none = new double[reference.size()];
        java.util.Arrays.fill(none, Double.NaN);
        return Uc5Metrics.ClassAgreement.of(reference, predicted, flagged, none, none.clone());
    }

    /** Consecutive groups (by true intensity) of at least the guard's dwellings, each passing the guard. */
    static Uc5PageData.IntensityGroups intensityGroups(List<Row> rows, Map<String, String[]> truth,
                                                        SecrecyGuard guard, String model) {
        if (rows == null) {
            return null;
        }
        List<double[]> pairs = new ArrayList<>();
        for (Row r : rows) {
            String[] tr = truth.get(r.getString(3));
            if (tr == null || tr[1] == null || r.isNullAt(5)) {
                continue;
            }
            pairs.add(new double[] {Double.parseDouble(tr[1]), r.getDouble(5)});
        }
        pairs.sort(Comparator.comparingDouble(p -> p[0]));
        int size = guard.minPoints();
        int groups = pairs.size() / size;
        List<Double> meanTrue = new ArrayList<>();
        List<Double> meanPredicted = new ArrayList<>();
        long shown = 0;
        for (int g = 0; g < groups; g++) {
            int from = g * size;
            // The last group takes the remainder, so that no dwelling is left out and none stands alone.
            int to = g == groups - 1 ? pairs.size() : from + size;
            double sumTrue = 0;
            double sumPredicted = 0;
            double largest = 0;
            for (int i = from; i < to; i++) {
                sumTrue += pairs.get(i)[0];
                sumPredicted += pairs.get(i)[1];
                largest = Math.max(largest, pairs.get(i)[0]);
            }
            if (!guard.allows(to - from, sumTrue <= 0 ? 1.0 : largest / sumTrue)) {
                continue;
            }
            meanTrue.add(sumTrue / (to - from));
            meanPredicted.add(sumPredicted / (to - from));
            shown += to - from;
        }
        return new Uc5PageData.IntensityGroups(model, size, meanTrue.stream().mapToDouble(d -> d).toArray(),
                meanPredicted.stream().mapToDouble(d -> d).toArray(), shown);
    }

    /** The gap ratio to the median, binned, sparse bins merged into a neighbour until each passes the guard. */
    static Uc5PageData.GapDistribution gap(List<Row> rows, SecrecyGuard guard, double median, double tolerance) {
        if (rows.size() < guard.minPoints() || !Double.isFinite(median) || median <= 0) {
            return null;
        }
        long[] counts = new long[GAP_EDGES.length + 1];
        long flagged = 0;
        for (Row r : rows) {
            double relative = r.getDouble(0) / median;
            int bin = 0;
            while (bin < GAP_EDGES.length && relative >= GAP_EDGES[bin]) {
                bin++;
            }
            counts[bin]++;
            flagged += !r.isNullAt(1) && r.getBoolean(1) ? 1 : 0;
        }
        List<double[]> bins = new ArrayList<>();
        double lower = 0;
        long pending = 0;
        for (int b = 0; b < counts.length; b++) {
            pending += counts[b];
            double upper = b < GAP_EDGES.length ? GAP_EDGES[b] : Double.POSITIVE_INFINITY;
            if (pending >= guard.minPoints()) {
                bins.add(new double[] {lower, upper, pending});
                lower = upper;
                pending = 0;
            }
        }
        if (pending > 0) {
            double[] last = bins.get(bins.size() - 1);
            last[1] = Double.POSITIVE_INFINITY;
            last[2] += pending;
        }
        List<String> labels = new ArrayList<>();
        long[] binCounts = new long[bins.size()];
        for (int i = 0; i < bins.size(); i++) {
            double[] b = bins.get(i);
            labels.add(b[0] == 0 ? "< " + label(b[1]) : Double.isInfinite(b[1])
                    ? "\u2265 " + label(b[0]) : label(b[0]) + "–"
                    + label(b[1]));
            binCounts[i] = (long) b[2];
        }
        return new Uc5PageData.GapDistribution(labels, binCounts, rows.size(), flagged, median, tolerance);
    }

    private static String label(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
