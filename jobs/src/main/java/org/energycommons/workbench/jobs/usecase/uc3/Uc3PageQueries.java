package org.energycommons.workbench.jobs.usecase.uc3;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.uc3.Assignment;
import org.energycommons.workbench.models.uc3.BuildingFit;
import org.energycommons.workbench.models.uc3.Uc3Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.UseCasePage;
import org.energycommons.workbench.reports.usecase.uc3.Uc3Page;
import org.energycommons.workbench.reports.usecase.uc3.Uc3PageData;

/**
 * The data of the uc3 page, from the gold tables ({@code uc3_savings}, {@code uc3_predictions}) and, for the
 * estimated-vs-true comparison, {@code truth/true_savings}: every figure is an aggregate of at least the guard's
 * minimum of buildings with none dominating; the renderer only formats.
 */
final class Uc3PageQueries {

    private Uc3PageQueries() {
    }

    /** The page's HTML: its data from the result and the gold tables, rendered. */
    static UseCasePipeline.Rendered page(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                         RegionDescription region) {
        return UseCasePipeline.Rendered.of(pageData(ctx, result, guard, region), Uc3Page::render,
                Uc3Page::territory);
    }

    /** The index headline: the best method's median savings error and placebo coverage. */
    static String headline(UseCaseResult result, Lang lang) {
        UseCaseResult.ModelEntry m = UseCasePage.best(result);
        return String.format(Locale.ROOT, lang.t("erreur médiane %.2f pt, couverture placebo %.1f %%",
                "median error %.2f pt, placebo coverage %.1f %%"),
                m.judged().value("savings_abs_error_pct_points_median"), 100 * m.judged().value("placebo_coverage_90"));
    }

    /** The page's figures, computed from gold tables and passed through the secrecy guard. */
    static Uc3PageData pageData(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                RegionDescription region) {
        Lake lake = ctx.lake();
        String method = result.bestModel();
        Map<String, double[]> truth = new HashMap<>(); // fraction, counterfactual kWh
        if (lake.exists(Tables.TRUTH_SAVINGS)) {
            for (Row t : lake.read(Tables.TRUTH_SAVINGS)
                    .select("building_id", "true_savings_fraction", "counterfactual_kwh").collectAsList()) {
                truth.put(t.getString(0), new double[] {t.getDouble(1), t.getDouble(2)});
            }
        }
        List<Estimate> estimates = new ArrayList<>();
        if (lake.exists(Uc3Tables.SAVINGS)) {
            for (Row r : lake.read(Uc3Tables.SAVINGS)
                    .filter(col("method").equalTo(method).and(col("status").equalTo(BuildingFit.FITTED)))
                    .select("building_id", "works_type", "counterfactual_kwh", "savings_kwh", "half_width_90_kwh")
                    .collectAsList()) {
                double[] t = truth.get(r.getString(0));
                if (t != null) {
                    estimates.add(new Estimate(r.getString(1), r.getDouble(2), r.getDouble(3), r.getDouble(4), t[0],
                            t[1]));
                }
            }
        }
        // Groups of similar true savings, each of at least the guard's minimum of buildings.
        estimates.sort(Comparator.comparingDouble(Estimate::trueFraction));
        List<List<Estimate>> chunks = new ArrayList<>();
        for (int i = 0; i + guard.minPoints() <= estimates.size(); i += guard.minPoints()) {
            chunks.add(new ArrayList<>(estimates.subList(i, i + guard.minPoints())));
        }
        int rest = estimates.size() % guard.minPoints();
        if (rest > 0 && !chunks.isEmpty()) {
            chunks.get(chunks.size() - 1).addAll(estimates.subList(estimates.size() - rest, estimates.size()));
        }
        List<Uc3PageData.SavingsGroup> groups = new ArrayList<>();
        int suppressedGroups = rest > 0 && chunks.isEmpty() ? 1 : 0;
        for (int i = 0; i < chunks.size(); i++) {
            Uc3PageData.SavingsGroup g = group(Integer.toString(i + 1), chunks.get(i));
            if (guard.allows(g.buildings(), g.largestShare())) {
                groups.add(g);
            } else {
                suppressedGroups++;
            }
        }
        // One group per works type, labelled by the type's code (the page words it); a type below the guard's
        // minimum is counted, not shown. With about 30 renovated buildings over five types (the default region),
        // a type seldom reaches 10 buildings and often only all renovated buildings together pass.
        Map<String, List<Estimate>> byType = new TreeMap<>();
        for (Estimate e : estimates) {
            byType.computeIfAbsent(e.worksType(), k -> new ArrayList<>()).add(e);
        }
        List<Uc3PageData.SavingsGroup> types = new ArrayList<>();
        int suppressedTypes = 0;
        for (Map.Entry<String, List<Estimate>> e : byType.entrySet()) {
            Uc3PageData.SavingsGroup g = group(e.getKey(), e.getValue());
            if (guard.allows(g.buildings(), g.largestShare())) {
                types.add(g);
            } else {
                suppressedTypes++;
            }
        }
        Uc3PageData.SavingsGroup all = estimates.isEmpty() ? null : group("all", estimates);
        if (all != null && !guard.allows(all.buildings(), all.largestShare())) {
            all = null;
        }

        return new Uc3PageData(UseCases.UC3, result, RunProvenance.fromMap(result.provenance()).inputTables(),
                region, method, groups, suppressedGroups, types, suppressedTypes, all,
                fit(ctx, method, guard), Instant.now().toString());
    }

    /** A renovated building's estimate beside its truth. */
    private record Estimate(String worksType, double counterfactual, double savings, double halfWidth,
                            double trueFraction, double trueCounterfactual) {
    }

    private static Uc3PageData.SavingsGroup group(String label, List<Estimate> members) {
        double cf = 0;
        double sav = 0;
        double hw2 = 0;
        double trueCf = 0;
        double trueSav = 0;
        double largest = 0;
        for (Estimate e : members) {
            cf += e.counterfactual();
            sav += e.savings();
            hw2 += e.halfWidth() * e.halfWidth();
            trueCf += e.trueCounterfactual();
            trueSav += e.trueFraction() * e.trueCounterfactual();
            largest = Math.max(largest, e.counterfactual());
        }
        double hw = Math.sqrt(hw2);
        return new Uc3PageData.SavingsGroup(label, members.size(), largest / cf, trueSav / trueCf, sav / cf,
                (sav - hw) / cf, (sav + hw) / cf, sav / 1000, hw / 1000);
    }

    /** Weekly mean metered and predicted use per building-day around the works, weeks passing the guard. */
    private static Uc3PageData.FitPicture fit(JobContext ctx, String method, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        if (!lake.exists(Uc3Tables.PREDICTIONS) || !lake.exists(Uc3Tables.SAVINGS)) {
            return null;
        }
        Dataset<Row> works = lake.read(Uc3Tables.SAVINGS)
                .filter(col("method").equalTo(method).and(col("status").equalTo(BuildingFit.FITTED)))
                .select("building_id", "intervention_date");
        Dataset<Row> perBuilding = lake.read(Uc3Tables.PREDICTIONS)
                .filter(col("method").equalTo(method).and(col("role").equalTo(Assignment.TREATED)))
                .join(works, "building_id")
                .withColumn("week", floor(datediff(col("local_date"), col("intervention_date")).divide(7)))
                .groupBy("week", "building_id")
                .agg(sum("metered_kwh").as("metered"), sum("predicted_kwh").as("predicted"), count(lit(1)).as("days"));
        Dataset<Row> weeks = perBuilding
                .groupBy("week")
                .agg(count(lit(1)).as("buildings"), sum("metered").as("metered"), sum("predicted").as("predicted"),
                        sum("days").as("days"), max("metered").as("largest"))
                .withColumn("largest_share", col("largest").divide(col("metered")));
        List<Row> rows = guard.publishable(weeks, "buildings", "largest_share").orderBy("week").collectAsList();
        if (rows.isEmpty()) {
            return null;
        }
        double[] w = new double[rows.size()];
        double[] m = new double[rows.size()];
        double[] p = new double[rows.size()];
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            w[i] = r.getLong(r.fieldIndex("week"));
            long days = r.getLong(r.fieldIndex("days"));
            m[i] = r.getDouble(r.fieldIndex("metered")) / days;
            p[i] = r.getDouble(r.fieldIndex("predicted")) / days;
            fewest = Math.min(fewest, r.getLong(r.fieldIndex("buildings")));
        }
        return new Uc3PageData.FitPicture(method, w, m, p, (int) fewest);
    }
}
